using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using SharpSan.Instrumentation.Application;
using SharpSan.Instrumentation.Pipeline;
using SharpSan.Runtime.Common.Options;

namespace SharpSan.EndToEnd.Harness;

/// <summary>What happened to one case: the run's output and exit code, or the stage that failed before it.</summary>
public sealed record CaseResult(CaseFile Case, ProcessResult? Run, string? SetupError, TimeSpan Compile, TimeSpan Instrument)
{
    /// <summary>The compiled program and its instrumented copy (null when a stage before them failed).</summary>
    public string? Compiled { get; init; }
    public string? Instrumented { get; init; }
    /// <summary>The environment the case ran with (%t and %S substituted).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Null when the case meets its expectations, else why not.</summary>
    public string? Failure()
    {
        if (SetupError is not null) return SetupError;
        if (Run is null) return "the case never ran";
        if (Run.TimedOut) return $"timed out after {ChildProcess.DefaultTimeout.TotalSeconds:0} s";
        if (Run.ExitCode != Case.ExpectedExitCode)
            return $"exit code {Run.ExitCode}, expected {Case.ExpectedExitCode}" + (Case.ExplicitExitCode is null ? " (the default for this case; set EXIT: to change it)" : "");
        try
        {
            return FileCheck.Match(Case.Checks, Run.Output, Compiled is null ? null : new OriginalIl(Compiled));
        }
        catch (FormatException e)
        {
            return "bad CHECK: " + e.Message;
        }
    }
}

/// <summary>
/// Discovers the cases under Cases/, and (once, lazily) compiles, instruments and runs all of them in parallel.
/// </summary>
public static class Suite
{
    public static string RepositoryRoot { get; } = Metadata("SharpSan.EndToEnd.RepositoryRoot");
    public static string CasesDirectory { get; } = Metadata("SharpSan.EndToEnd.CasesDirectory");
    public static string CliAppsDirectory { get; } = Metadata("SharpSan.EndToEnd.CliAppsDirectory");
    public static string Configuration { get; } = Metadata("SharpSan.EndToEnd.Configuration");

    /// <summary>Scratch space under the test output folder, kept after the run for inspection.</summary>
    // Per process, so two test runs in one checkout (an IDE and a terminal) do not delete each other's work. A folder
    // left by an earlier process with the same pid is cleared here, once, before any test class writes under it
    // (clearing it when the lit run starts deleted the folders of test classes already running beside it).
    public static string WorkDirectory { get; } = FreshWorkDirectory();

    static string FreshWorkDirectory()
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "e2e-work", Environment.ProcessId.ToString());
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        return dir;
    }

    static readonly Lazy<IReadOnlyList<CaseFile>> s_cases = new(Discover);
    static readonly Lazy<IReadOnlyDictionary<string, CaseResult>> s_results = new(RunAll);

    public static IReadOnlyList<CaseFile> Cases => s_cases.Value;

    public static CaseResult Result(string id) => s_results.Value[id];

    static string Metadata(string key) =>
        typeof(Suite).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    static IReadOnlyList<CaseFile> Discover()
    {
        var cases = Directory.EnumerateFiles(CasesDirectory, "*.cs", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => CaseFile.LoadOrReport(p, CasesDirectory))
            .ToList();
        var duplicate = cases.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"case file names must be unique (they name the assemblies): {string.Join(", ", duplicate.Select(c => c.Id))}");
        return cases;
    }

    /// <summary>
    /// Opt-in, for working on one area: comma-separated substrings of case ids (<c>IntraObject/,Globals/</c>). Only
    /// matching cases are compiled and run; pair it with <c>--filter "DisplayName~IntraObject"</c> so that only their
    /// rows are reported (the others would fail as not run).
    /// </summary>
    public const string FilterVariable = "SHARPSAN_E2E_FILTER";

    static (List<CaseFile> Selected, List<CaseFile> Skipped) Select(IReadOnlyList<CaseFile> cases)
    {
        var parts = (Environment.GetEnvironmentVariable(FilterVariable) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) return ([.. cases], []);
        var selected = cases.Where(c => parts.Any(p => c.Id.Contains(p, StringComparison.OrdinalIgnoreCase))).ToList();
        return (selected, cases.Except(selected).ToList());
    }

    /// <summary>Work folders of earlier runs whose process has exited (other live runs keep theirs).</summary>
    static void RemoveWorkOfFinishedRuns()
    {
        string parent = Path.GetDirectoryName(WorkDirectory)!;
        if (!Directory.Exists(parent)) return;
        foreach (var dir in Directory.EnumerateDirectories(parent))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid) || pid == Environment.ProcessId) continue;
            bool alive;
            try { alive = !System.Diagnostics.Process.GetProcessById(pid).HasExited; }
            catch (ArgumentException) { alive = false; }
            if (alive) continue;
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { }
        }
    }

    static IReadOnlyDictionary<string, CaseResult> RunAll()
    {
        RemoveWorkOfFinishedRuns();
        var results = new ConcurrentDictionary<string, CaseResult>();
        var (selected, skipped) = Select(Cases);
        foreach (var c in skipped)
            results[c.Id] = new CaseResult(c, null, $"{FilterVariable} selects other cases", TimeSpan.Zero, TimeSpan.Zero);
        Parallel.ForEach(selected, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            c => results[c.Id] = RunOne(c));
        return results;
    }

    /// <summary>
    /// As `sharpsan run` decides (clang's -fsanitize-recover and friends): continuing after a report (halt_on_error=0)
    /// or skipping suppressed ones needs returning checks, and sgcheck_heuristic=0 leaves out SGCheck's binding code;
    /// both are chosen when instrumenting. Options that do not parse are left for the runtime to reject.
    /// </summary>
    static InstrumentChoices Choices(IReadOnlyDictionary<string, string?> environment)
    {
        environment.TryGetValue("SHARPSAN_OPTIONS", out var text);
        try
        {
            return InstrumentChoices.From(SanitizerOptions.Parse(text));
        }
        catch (OptionsException)
        {
            return InstrumentChoices.From(SanitizerOptions.Defaults);
        }
    }

    /// <summary>Compile → instrument (in-process) → run `dotnet out/Name.dll` with the case's args and env.</summary>
    public static CaseResult RunOne(CaseFile c)
    {
        if (c.LoadError is not null) return new CaseResult(c, null, "BAD CASE FILE (not covered by XFAIL): " + c.LoadError, TimeSpan.Zero, TimeSpan.Zero);
        string root = Path.Combine(WorkDirectory, c.Name);
        string compiled = Path.Combine(root, "bin");
        string instrumented = Path.Combine(root, "instrumented");
        string Substitute(string text) => text.Replace("%t", root).Replace("%S", Path.GetDirectoryName(c.Path)!);
        var env = c.Environment.ToDictionary(kv => kv.Key, kv => (string?)Substitute(kv.Value));
        var clock = Stopwatch.StartNew();
        string dll;
        try
        {
            dll = CaseCompiler.Compile(c.Path, c.Name, compiled, c.Optimize);
        }
        catch (CompilationFailedException e)
        {
            // A case that does not compile is the case author's bug, never an expected failure.
            return new CaseResult(c, null, "COMPILE ERROR (not covered by XFAIL): " + e.Message, clock.Elapsed, TimeSpan.Zero);
        }
        var compileTime = clock.Elapsed;
        clock.Restart();
        string main;
        try
        {
            // One RuntimeLibrary per case: Cecil modules read lazily are not safe to share between threads.
            var choices = Choices(env);
            var request = new InstrumentRequest(dll, instrumented, [], [], c.Sanitize, Recover: choices.Recover, Heuristic: choices.Heuristic);
            var report = new AppInstrumenter(RuntimeLibrary.Default()).Instrument(request);
            var outcome = report.Assemblies.FirstOrDefault(a => a.FileName == c.Name + ".dll");
            if (outcome is null || outcome.Action != "instrumented")
                return new CaseResult(c, null, $"{c.Name}.dll was not instrumented: {outcome?.Action} {outcome?.Detail}", compileTime, clock.Elapsed);
            main = report.MainAssembly!;
        }
        catch (Exception e)
        {
            return new CaseResult(c, null, "instrumentation threw: " + e, compileTime, clock.Elapsed);
        }
        var instrumentTime = clock.Elapsed;
        ProcessResult run = null!;
        var arguments = c.Arguments.Select(Substitute).ToList();
        for (int n = 1; n <= c.Runs; n++)
        {
            run = ChildProcess.RunMerged(ChildProcess.DotnetHost, [main, .. arguments], env);
            File.WriteAllText(Path.Combine(root, c.Runs == 1 ? "output.txt" : $"output.{n}.txt"), $"exit code {run.ExitCode}\n{run.Output}");
            var result = new CaseResult(c, run, null, compileTime, instrumentTime) { Compiled = dll, Instrumented = main, Environment = env, Arguments = arguments };
            // A run that misses stops the series: the case fails with that run's output.
            if (n < c.Runs && result.Failure() is not null) return result with { SetupError = null };
        }
        return new CaseResult(c, run, null, compileTime, instrumentTime) { Compiled = dll, Instrumented = main, Environment = env, Arguments = arguments };
    }

    /// <summary>The cases <see cref="FilterVariable"/> selects (all of them when it is unset).</summary>
    public static IReadOnlyList<CaseFile> SelectedCases => Select(Cases).Selected;
}
