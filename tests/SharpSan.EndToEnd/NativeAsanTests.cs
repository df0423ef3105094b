using SharpSan.EndToEnd.Harness;
using Xunit.Abstractions;

namespace SharpSan.EndToEnd;

/// <summary>A fact that needs gcc and its AddressSanitizer runtime; skipped, saying what to install, where they are missing.</summary>
public sealed class NativeToolchainFactAttribute : FactAttribute
{
    public NativeToolchainFactAttribute()
    {
        if (NativeLibraryBuilder.Problem is { } problem) Skip = problem;
    }
}

/// <summary>Builds the C library of the native tests with the machine's gcc and -fsanitize=address.</summary>
public static class NativeLibraryBuilder
{
    const string Source = """
        #include <stdlib.h>
        #include <string.h>
        int fill(int n) { char *p = malloc(8); memset(p, 1, n); int r = p[0]; free(p); return r; }
        int leak(void) { char *p = malloc(24); p[0] = 7; return p[0]; }
        """;

    static readonly Lazy<string?> s_problem = new(() =>
    {
        var gcc = ChildProcess.RunSeparate("gcc", ["-print-file-name=libasan.so"], new Dictionary<string, string?>(), TimeSpan.FromSeconds(30));
        if (gcc.ExitCode != 0) return "gcc is not installed (apt-get install gcc libasan8)";
        return File.Exists(gcc.Output.Trim()) ? null : "gcc's AddressSanitizer runtime is not installed (apt-get install libasan8)";
    });

    public static string? Problem
    {
        get
        {
            try { return s_problem.Value; }
            catch (System.ComponentModel.Win32Exception) { return "gcc is not installed (apt-get install gcc libasan8)"; }
        }
    }

    /// <summary>libfill.so in <paramref name="folder"/>, built with -g and -fsanitize=address unless <paramref name="plain"/>.</summary>
    public static string Build(string folder, bool plain = false)
    {
        Directory.CreateDirectory(folder);
        string c = Path.Combine(folder, "fill.c"), so = Path.Combine(folder, plain ? "libfill-plain.so" : "libfill.so");
        if (File.Exists(so)) return so;
        File.WriteAllText(c, Source);
        string[] args = plain ? ["-g", "-O0", "-shared", "-fPIC", "-o", so, c] : ["-g", "-O0", "-fsanitize=address", "-shared", "-fPIC", "-o", so, c];
        var r = ChildProcess.RunSeparate("gcc", args, new Dictionary<string, string?>(), TimeSpan.FromSeconds(60));
        Assert.True(r.ExitCode == 0, "gcc failed: " + r.Error);
        return so;
    }
}

/// <summary>
/// `--native address`: a P/Invoke'd library built with -fsanitize=address is checked by the system's AddressSanitizer in
/// the same run as SharpSan's managed checks, and its report carries the managed caller's frames with file:line.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class NativeAsanTests(CliFixture fixture, ITestOutputHelper log) : IClassFixture<CliFixture>
{
    ProcessResult Run(string mode, params string[] sharpsanArgs) => RunWithOptions(mode, options: null, sharpsanArgs);

    ProcessResult RunWithOptions(string mode, string? options, params string[] sharpsanArgs)
    {
        string library = NativeLibraryBuilder.Build(Path.Combine(fixture.Root, "native"), plain: sharpsanArgs.Contains("valgrind"));
        var env = new Dictionary<string, string?> { ["SHARPSAN_CACHE"] = fixture.Cache };
        if (options is not null) env["SHARPSAN_OPTIONS"] = options;
        string[] args = [fixture.Sharpsan, "run", .. sharpsanArgs, "--", fixture.App("NativeApp"), library, mode];
        var result = ChildProcess.RunSeparate(ChildProcess.DotnetHost, args, env, TimeSpan.FromSeconds(600));
        log.WriteLine($"$ dotnet {string.Join(" ", args)}\nexit code {result.ExitCode}, {result.Elapsed.TotalMilliseconds:0} ms\n" +
                      $"--- stdout ---\n{result.Output}--- stderr ---\n{result.Error}--- end ---");
        Assert.False(result.TimedOut, "sharpsan run timed out");
        return result;
    }

    [NativeToolchainFact]
    public void AnOverflowInTheNativeLibraryIsReportedWithTheManagedCallersLines()
    {
        var r = Run("overflow", "--native", "address");
        Assert.Contains("null reference caught", r.Output);   // the runtime's own SIGSEGV handling still works under ASan
        Assert.Matches(@"==\d+==ERROR: AddressSanitizer: heap-buffer-overflow on address", r.Error);
        Assert.Matches(@"#1 0x[0-9a-f]+ in fill .*fill\.c:3", r.Error);
        Assert.Matches(@"#2 0x[0-9a-f]{4} in Program\.Fill\(int\) .*NativeApp\.cs:42", r.Error);
        Assert.Matches(@"#3 0x[0-9a-f]{4} in Program\.Main\(string\[\]\) .*NativeApp\.cs:19", r.Error);
        Assert.DoesNotContain("doublemapper", r.Error.Split("allocated by thread")[0]);   // the access stack is complete
        Assert.Contains("SUMMARY: AddressSanitizer: heap-buffer-overflow", r.Error);
        Assert.Equal(1, r.ExitCode);
    }

    static System.Text.Json.Nodes.JsonNode SingleFinding(string resultsDir) =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Assert.Single(Directory.GetFiles(resultsDir, "finding-*.json"))))!;

    [NativeToolchainFact]
    public void UnderRunTheNativeOverflowIsWrittenToResultsDirLikeAnyFinding()
    {
        string results = Path.Combine(fixture.Root, "native-overflow-results-" + Guid.NewGuid().ToString("N")[..8]);
        var r = RunWithOptions("overflow", $"results_dir={results}", "--native", "address");
        Assert.Matches(@"==\d+==ERROR: AddressSanitizer: heap-buffer-overflow on address", r.Error);
        var finding = SingleFinding(results);
        Assert.Equal("AddressSanitizer", (string?)finding["tool"]);
        Assert.Equal("heap-buffer-overflow", (string?)finding["kind"]);
        Assert.Null(finding["test"]);   // `run` has no tests: outside tests
        Assert.Contains("heap-buffer-overflow", (string?)finding["report"]);
        Assert.Contains("NativeApp.cs:42", (string?)finding["report"]);   // the managed caller's line, as printed
        Assert.Equal(1, r.ExitCode);
    }

    [NativeToolchainFact]
    public void OneSuppressionsFileAlsoSilencesTheNativeError()
    {
        Directory.CreateDirectory(fixture.Root);
        string file = Path.Combine(fixture.Root, "native.supp");
        File.WriteAllText(file, "# the vendor's fill() overflows inside memset; reported upstream\ninterceptor_via_fun:fill\n");
        var r = RunWithOptions("overflow", $"suppressions={file}", "--native", "address");
        Assert.DoesNotContain("ERROR: AddressSanitizer", r.Error);
        Assert.Contains("1", r.Output.Split('\n').Last(l => l.Length > 0));   // the program went on and printed fill's result
        Assert.Equal(0, r.ExitCode);
    }

    [NativeToolchainFact]
    public void ASanIsGivenTheShippedRuntimeRules()
    {
        var r = Run("suppressions", "--native", "address");
        Assert.Contains("# AddressSanitizer suppressions for the .NET runtime", r.Output);   // the shipped file, whole
        Assert.DoesNotContain(" rules of /", r.Output);   // no user file: nothing merged
        Assert.Matches(@"==\d+==ERROR: AddressSanitizer: heap-buffer-overflow on address", r.Error);   // and it hides no user library's error
        Assert.Equal(1, r.ExitCode);
    }

    [NativeToolchainFact]
    public void TheUsersLibraryRuleIsMergedWithTheShippedRulesAndSilencesTheLibrary()
    {
        Directory.CreateDirectory(fixture.Root);
        string file = Path.Combine(fixture.Root, "native-lib.supp");
        File.WriteAllText(file, "# the vendor's library overflows inside memset; reported upstream\ninterceptor_via_lib:libfill.so\nheap-buffer-overflow:Vendor.*\n");
        var r = RunWithOptions("suppressions", $"suppressions={file}", "--native", "address");
        Assert.Contains("# AddressSanitizer suppressions for the .NET runtime", r.Output);   // the shipped file is in effect
        Assert.Contains($"rules of {file}\ninterceptor_via_lib:libfill.so\n", r.Output);   // followed by the user's ASan rule
        Assert.DoesNotContain("heap-buffer-overflow:Vendor", r.Output);   // SharpSan's own kinds stay out of ASan's file
        Assert.DoesNotContain("ERROR: AddressSanitizer", r.Error);
        Assert.Equal("1", r.Output.Split('\n').Last(l => l.Length > 0));   // the program went on and printed fill's result
        Assert.Equal(0, r.ExitCode);
    }

    [NativeToolchainFact]
    public void ACleanNativeCallIsSilent()
    {
        var r = Run("clean", "--native", "address");
        Assert.Contains("filled 1", r.Output);
        Assert.DoesNotContain("ERROR:", r.Error);
        Assert.Equal(0, r.ExitCode);
    }

    [NativeToolchainFact]
    public void WithNativeLeaksTheLibrarysLeakIsReportedAndTheRuntimesOwnBlocksAreNot()
    {
        var r = RunWithOptions("leak", "native_leaks=1", "--native", "address");
        Assert.Contains("leaked 7", r.Output);
        Assert.Matches(@"==\d+==ERROR: LeakSanitizer: detected memory leaks", r.Error);
        Assert.Matches(@"Direct leak of 24 byte\(s\) in 1 object\(s\) allocated from:\s+#0 0x[0-9a-f]+ in (__interceptor_)?malloc .*\s+#1 0x[0-9a-f]+ in leak .*fill\.c:4", r.Error);
        Assert.Contains("SUMMARY: AddressSanitizer: 24 byte(s) leaked in 1 allocation(s).", r.Error);   // the library's block only
        Assert.Equal(1, r.ExitCode);
    }

    [NativeToolchainFact]
    public void WithNativeLeaksTheLeakIsWrittenToResultsDirLikeAnyFinding()
    {
        string results = Path.Combine(fixture.Root, "native-leak-results-" + Guid.NewGuid().ToString("N")[..8]);
        var r = RunWithOptions("leak", $"native_leaks=1:results_dir={results}", "--native", "address");
        Assert.Matches(@"Direct leak of 24 byte\(s\) in 1 object\(s\) allocated from:", r.Error);
        var finding = SingleFinding(results);
        Assert.Equal("LeakSanitizer", (string?)finding["tool"]);
        Assert.Equal("leak", (string?)finding["kind"]);
        Assert.Null(finding["test"]);   // found at exit: outside tests
        Assert.Equal("Direct leak of 24 byte(s) in 1 object(s)", (string?)finding["message"]);
        Assert.Equal("leak", (string?)finding["location"]!["method"]);
        Assert.EndsWith("fill.c", (string?)finding["location"]!["file"]);
        Assert.Equal(4, (int?)finding["location"]!["line"]);
        Assert.Contains("ERROR: LeakSanitizer: detected memory leaks", (string?)finding["report"]);
        Assert.Equal(1, r.ExitCode);
    }

    [NativeToolchainFact]
    public void WithNativeLeaksACleanRunWritesNoFinding()
    {
        string results = Path.Combine(fixture.Root, "native-clean-results-" + Guid.NewGuid().ToString("N")[..8]);
        var r = RunWithOptions("clean", $"native_leaks=1:results_dir={results}", "--native", "address");
        Assert.Contains("filled 1", r.Output);
        Assert.Empty(Directory.Exists(results) ? Directory.GetFiles(results, "finding-*.json") : []);
        Assert.Equal(0, r.ExitCode);
    }

    [NativeToolchainFact]
    public void WithNativeLeaksACleanRunIsSilent()
    {
        // The runtime's own process-lifetime blocks (16 from libcoreclr on a plain run, measured) are suppressed.
        var r = RunWithOptions("clean", "native_leaks=1", "--native", "address");
        Assert.Contains("filled 1", r.Output);
        Assert.DoesNotContain("LeakSanitizer", r.Error);
        Assert.Equal(0, r.ExitCode);
    }

    [NativeToolchainFact]
    public void WithNativeLeaksALeakRuleInTheUsersFileSilencesTheLibrarysLeak()
    {
        Directory.CreateDirectory(fixture.Root);
        string file = Path.Combine(fixture.Root, "native-leak.supp");
        File.WriteAllText(file, "# the vendor's leak() keeps its block on purpose\nleak:leak\n");
        var r = RunWithOptions("leak", $"native_leaks=1:suppressions={file}", "--native", "address");
        Assert.Contains("leaked 7", r.Output);
        Assert.DoesNotContain("LeakSanitizer", r.Error);
        Assert.Equal(0, r.ExitCode);
    }

    [NativeToolchainFact]
    public void WithoutNativeLeaksTheLibrarysLeakIsNotChecked()
    {
        var r = Run("leak", "--native", "address");
        Assert.Contains("leaked 7", r.Output);
        Assert.DoesNotContain("LeakSanitizer", r.Error);
        Assert.Equal(0, r.ExitCode);
    }

    [NativeToolchainFact]
    public void ManagedChecksStillReportWithTheSystemAsanLoaded()
    {
        var r = Run("managed", "--native", "address");
        Assert.Matches(@"ERROR: AddressSanitizer: heap-buffer-overflow on address", r.Error);
        Assert.Matches(@"#0 0x[0-9a-f]{4} in Program\.Main\(string\[\]\) .*NativeApp\.cs:23", r.Error);
        Assert.Equal(1, r.ExitCode);
    }

    [NativeToolchainFact]
    public void WithoutNativeTheLibrarysOverflowIsNotSeen()
    {
        // The library needs ASan's runtime: without it loaded first, loading it fails — the reason --native exists.
        var r = Run("overflow");
        Assert.DoesNotContain("ERROR: AddressSanitizer: heap-buffer-overflow", r.Error);
        Assert.NotEqual(0, r.ExitCode);
    }

    [Fact]
    public void WithoutAnAsanRuntimeTheErrorNamesThePackageToInstall()
    {
        var env = new Dictionary<string, string?> { ["SHARPSAN_CACHE"] = fixture.Cache, ["SHARPSAN_LIBASAN"] = "/nonexistent/libasan.so.8" };
        string[] args = [fixture.Sharpsan, "run", "--native", "address", "--", fixture.App("NativeApp"), "/nonexistent/libfill.so", "clean"];
        var r = ChildProcess.RunSeparate(ChildProcess.DotnetHost, args, env, TimeSpan.FromSeconds(300));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--native address needs the system's AddressSanitizer runtime (libasan.so)", r.Error);
        Assert.Contains("apt-get install libasan8", r.Error);
    }

    [Fact]
    public void AnUnknownNativeCheckerIsAnError()
    {
        var r = Run("clean", "--native", "helgrind");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--native helgrind is not supported", r.Error);
    }

    /// <summary>The library is not rebuilt: Memcheck finds the overflow; the runtime's own noise is suppressed (slow: ~40 s).</summary>
    [ValgrindFact]
    public void ValgrindFindsAnOverflowInALibraryThatWasNotRebuilt()
    {
        var r = Run("overflow", "--native", "valgrind");
        Assert.Matches(@"Invalid write of size \d+", r.Error);
        Assert.Matches(@"by 0x[0-9A-F]+: fill \(fill\.c:3\)", r.Error);
        Assert.Contains("[NativeApp] Program::Fill(int32)", r.Error);   // JIT frames named from the perf map
        Assert.Matches(@"ERROR SUMMARY: [1-9]\d* errors from 1 contexts", r.Error);   // the overflow only: the runtime's own noise is suppressed
        Assert.Equal(1, r.ExitCode);
    }
}

/// <summary>A fact that needs gcc and valgrind; skipped, saying what to install, where they are missing.</summary>
public sealed class ValgrindFactAttribute : FactAttribute
{
    public ValgrindFactAttribute()
    {
        if (NativeLibraryBuilder.Problem is { } problem) Skip = problem;
        else if (!File.Exists("/usr/bin/valgrind")) Skip = "valgrind is not installed (apt-get install valgrind)";
    }
}
