using System.Text.RegularExpressions;
using SharpSan.EndToEnd.Harness;
using Xunit.Abstractions;

namespace SharpSan.EndToEnd;

/// <summary>Compiles the small apps under CliApps/ once, into a scratch folder with its own instrumentation cache.</summary>
public sealed class CliFixture : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "sharpsan-cli-tests-" + Guid.NewGuid().ToString("n")[..12]);
    public string Cache => Path.Combine(Root, "cache");
    public string Sharpsan { get; } = FindCli();

    readonly Dictionary<string, string> _apps = [];
    readonly object _lock = new();

    /// <summary>The compiled app's dll (each app in a folder of its own: the cache key covers the whole folder).</summary>
    public string App(string name)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(name, out var dll))
                _apps[name] = dll = CaseCompiler.Compile(Path.Combine(Suite.CliAppsDirectory, name + ".cs"), name, Path.Combine(Root, "apps", name), optimize: false);
            return dll;
        }
    }

    /// <summary>
    /// An SDK project folder holding the app's source, for children started with `dotnet run --project` (the SDK
    /// builds it in the child; no package references, so restore needs nothing from the network).
    /// </summary>
    public string Project(string name)
    {
        string dir = Path.Combine(Root, "projects", name);
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(Suite.CliAppsDirectory, name + ".cs"), Path.Combine(dir, name + ".cs"), overwrite: true);
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        return dir;
    }

    static string FindCli()
    {
        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, "sharpsan.dll"),
            Path.Combine(Suite.RepositoryRoot, "src", "SharpSan.Cli", "bin", Suite.Configuration, "net10.0", "sharpsan.dll"),
        ];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("sharpsan.dll not found; looked in " + string.Join(", ", candidates));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The `sharpsan run` contract, through the real CLI: exit codes, --report-dir, option errors, the cache.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class CliTests(CliFixture fixture, ITestOutputHelper log) : IClassFixture<CliFixture>
{
    ProcessResult Run(string[] sharpsanArgs, string app, string[] appArgs, string? options = null, string? cache = null, string? stdin = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var env = new Dictionary<string, string?> { ["SHARPSAN_CACHE"] = cache ?? fixture.Cache };
        if (options is not null) env["SHARPSAN_OPTIONS"] = options;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) env[key] = value;
        string[] args = [fixture.Sharpsan, "run", .. sharpsanArgs, "--", fixture.App(app), .. appArgs];
        var result = ChildProcess.RunSeparate(ChildProcess.DotnetHost, args, env, TimeSpan.FromSeconds(120), stdin);
        log.WriteLine($"$ SHARPSAN_OPTIONS={options} dotnet {string.Join(" ", args)}\nexit code {result.ExitCode}, {result.Elapsed.TotalMilliseconds:0} ms\n" +
                      $"--- stdout ---\n{result.Output}--- stderr ---\n{result.Error}--- end ---");
        Assert.False(result.TimedOut, "sharpsan run timed out");
        return result;
    }

    [Fact]
    public void CleanRunKeepsTheAppsExitCode()
    {
        var r = Run([], "ExitCodeApp", ["7"]);
        Assert.Equal(7, r.ExitCode);
        Assert.Contains("returning 7", r.Output);
        Assert.DoesNotContain("ERROR:", r.Error);
    }

    [Fact]
    public void ArgumentsAndStdinPassThrough()
    {
        var r = Run([], "EchoApp", ["two words", "--", "x"], stdin: "from stdin\n");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("args=two words|--|x", r.Output);
        Assert.Contains("stdin=from stdin", r.Output);
    }

    [Fact]
    public void DynamicPgoIsOffInTheCheckedProgram()
    {
        var r = Run([], "EchoApp", ["env", "DOTNET_TieredPGO"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("DOTNET_TieredPGO=0", r.Output);
    }

    [Fact]
    public void ATieredPgoSettingTheUserChoseIsKept()
    {
        var r = Run([], "EchoApp", ["env", "DOTNET_TieredPGO"], environment: new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "1" });
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("DOTNET_TieredPGO=1", r.Output);
    }

    [Fact]
    public void UnhandledExceptionKeepsTheAppsOwnExitCode()
    {
        var plain = ChildProcess.RunSeparate(ChildProcess.DotnetHost, [fixture.App("EchoApp"), "throw"]);
        var r = Run([], "EchoApp", ["throw"]);
        Assert.NotEqual(0, plain.ExitCode);
        Assert.Equal(plain.ExitCode, r.ExitCode);
        Assert.Contains("unhandled on purpose", r.Error);
        Assert.DoesNotContain("ERROR: AddressSanitizer", r.Error);
    }

    [Fact]
    public void AReportMakesTheExitCodeOne()
    {
        var r = Run([], "ExitCodeApp", ["7", "overflow"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("ERROR: AddressSanitizer: heap-buffer-overflow", r.Error);
        Assert.Matches(@"SUMMARY: AddressSanitizer: heap-buffer-overflow .*ExitCodeApp\.cs:12 in Program\.Main\(string\[\]\)", r.Error);
        Assert.DoesNotContain("returning", r.Output);
    }

    [Fact]
    public void ExitcodeOptionIsHonoured()
    {
        var r = Run([], "ExitCodeApp", ["7", "overflow"], options: "exitcode=42");
        Assert.Equal(42, r.ExitCode);
        Assert.Contains("ERROR: AddressSanitizer: heap-buffer-overflow", r.Error);
    }

    [Fact]
    public void ReportDirReceivesTheReport()
    {
        string dir = Path.Combine(fixture.Root, "reports-halt");
        var r = Run(["--report-dir", dir], "ExitCodeApp", ["0", "overflow"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("ERROR: AddressSanitizer: heap-buffer-overflow", r.Error);   // still on stderr too
        var file = Assert.Single(Directory.GetFiles(dir));
        Assert.Matches(@"sharpsan\.\d+$", Path.GetFileName(file));
        string text = File.ReadAllText(file);
        Assert.Contains("ERROR: AddressSanitizer: heap-buffer-overflow", text);
        Assert.Contains("SUMMARY: AddressSanitizer: heap-buffer-overflow", text);
        Assert.Contains("ExitCodeApp.cs:12", text);
    }

    [Fact]
    public void ReportDirIsWrittenWhenTheErrorHappens()
    {
        string dir = Path.Combine(fixture.Root, "reports-recover");
        var r = Run(["--report-dir", dir], "ReportDirApp", [dir], options: "halt_on_error=0:detect_leaks=0");
        Assert.Contains("report files while running: 1, with the overflow: True", r.Output);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void UnknownOptionIsAnErrorListingTheKnownOnes()
    {
        var r = Run([], "ExitCodeApp", ["0"], options: "halt_on_error=0:no_such_option=1");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("unknown option 'no_such_option'", r.Error);
        foreach (var known in new[] { "halt_on_error", "exitcode", "log_path", "detect_leaks", "redzone", "quarantine_size_mb" })
            Assert.Contains(known, r.Error);
        Assert.DoesNotContain("returning", r.Output);
    }

    /// <summary>
    /// `sharpsan options` shows each checker's real default where they differ: ThreadSanitizer continues after a report
    /// and exits 66 (the race cases' default EXIT), AddressSanitizer halts and exits 1.
    /// </summary>
    [Fact]
    public void OptionsListShowsTheDefaultsThatDifferByChecker()
    {
        var r = ChildProcess.RunSeparate(ChildProcess.DotnetHost, [fixture.Sharpsan, "options"], new Dictionary<string, string?>(), TimeSpan.FromSeconds(60));
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"(?m)^halt_on_error\s+1 \(thread: 0\)\s+Report the first error", r.Output);
        Assert.Matches(@"(?m)^exitcode\s+-1 \(address: 1, thread: 66, memory: 77\)\s+", r.Output);
        Assert.Matches(@"(?m)^detect_leaks\s+1\s+Run LeakSanitizer", r.Output);
    }

    /// <summary>The instrumented copies of an app folder: its siblings named after it (see InstrumentedCopies).</summary>
    static string[] CopiesOf(string appDir) =>
        Directory.GetDirectories(Path.GetDirectoryName(appDir)!, Path.GetFileName(appDir) + ".sharpsan-address-*");

    [Fact]
    public void SecondRunOfTheSameAppUsesTheCache()
    {
        string appDir = Path.Combine(fixture.Root, "apps-reuse");
        string dll = CaseCompiler.Compile(Path.Combine(Suite.CliAppsDirectory, "ExitCodeApp.cs"), "ExitCodeApp", appDir, optimize: false);
        var env = new Dictionary<string, string?> { ["SHARPSAN_CACHE"] = Path.Combine(fixture.Root, "cache-reuse") };
        ProcessResult RunIt()
        {
            var r = ChildProcess.RunSeparate(ChildProcess.DotnetHost, [fixture.Sharpsan, "run", "--", dll, "3"], env, TimeSpan.FromSeconds(120));
            log.WriteLine($"exit code {r.ExitCode}, {r.Elapsed.TotalMilliseconds:0} ms\n--- stderr ---\n{r.Error}--- end ---");
            return r;
        }
        var first = RunIt();
        Assert.Equal(3, first.ExitCode);
        Assert.Contains("instrumenting ExitCodeApp.dll", first.Error);
        string instrumented = Path.Combine(Assert.Single(CopiesOf(appDir)), "ExitCodeApp.dll");
        var stamp = File.GetLastWriteTimeUtc(instrumented);

        var cached = new[] { RunIt(), RunIt() };
        foreach (var second in cached)
        {
            Assert.Equal(3, second.ExitCode);
            Assert.Contains("returning 3", second.Output);
            Assert.DoesNotContain("instrumenting", second.Error);
            Assert.Contains("sharpsan: instrumented 1 assembly (a copy made by an earlier run): ExitCodeApp.dll", second.Error);
        }
        Assert.Equal(instrumented, Path.Combine(Assert.Single(CopiesOf(appDir)), "ExitCodeApp.dll"));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(instrumented));
        Assert.False(Directory.Exists(Path.Combine(fixture.Root, "cache-reuse")), "a writable app folder's copy goes beside it, not into the cache");
        // The fastest of two cached runs, so that one noisy process start does not decide the comparison.
        var fastest = cached.Min(c => c.Elapsed);
        log.WriteLine($"first run {first.Elapsed.TotalMilliseconds:0} ms, cached runs {string.Join(", ", cached.Select(c => c.Elapsed.TotalMilliseconds.ToString("0")))} ms");
        Assert.True(fastest < first.Elapsed, $"no cached run ({fastest.TotalMilliseconds:0} ms) was faster than the first ({first.Elapsed.TotalMilliseconds:0} ms)");
    }

    [Fact]
    public void ChangingTheAppInvalidatesTheCache()
    {
        string cache = Path.Combine(fixture.Root, "cache-change");
        string appDir = Path.Combine(fixture.Root, "apps-changed");
        string dll = CaseCompiler.Compile(Path.Combine(Suite.CliAppsDirectory, "ExitCodeApp.cs"), "ExitCodeApp", appDir, optimize: false);
        var env = new Dictionary<string, string?> { ["SHARPSAN_CACHE"] = cache };
        var first = ChildProcess.RunSeparate(ChildProcess.DotnetHost, [fixture.Sharpsan, "run", "--", dll, "0"], env);
        Assert.Contains("instrumenting", first.Error);
        File.AppendAllText(Path.Combine(appDir, "extra.txt"), "changed");
        var second = ChildProcess.RunSeparate(ChildProcess.DotnetHost, [fixture.Sharpsan, "run", "--", dll, "0"], env);
        Assert.Contains("instrumenting", second.Error);
        Assert.Equal(0, second.ExitCode);
        // The older copy stays for a while (a run that just found it may still be starting from it).
        Assert.Equal(2, CopiesOf(appDir).Length);
    }
}
