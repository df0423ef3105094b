using System.CommandLine;
using SharpSan.Cli.Testing;
using SharpSan.Instrumentation.Application;

namespace SharpSan.Cli.Commands;

/// <summary>
/// <c>sharpsan test --sanitize list [project|solution|dir] [-- runner args]</c>: build, instrument each test
/// project's output (the test assembly and the solution's own assemblies, cached by content) into a separate folder,
/// run the instrumented copy under its runner (<see cref="TestHost"/>) with findings tied to tests (a finding fails the
/// test that raised it, with the report as its message), then write SARIF and print a summary. The build outputs are
/// never modified.
/// </summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var sanitize = CommonOptions.Sanitize();
        var include = CommonOptions.Include();
        var exclude = CommonOptions.Exclude();
        var results = new Option<string>("--results") { Description = "Results folder (SARIF, one JSON per finding); default ./sharpsan-results.", DefaultValueFactory = _ => "sharpsan-results" };
        var noBuild = new Option<bool>("--no-build") { Description = "Do not build first; test what is already built." };
        var configuration = new Option<string?>("--configuration", "-c") { Description = "Build configuration (passed to dotnet build and used to find the outputs)." };
        var framework = new Option<string?>("--framework", "-f") { Description = "Target framework to build and test, for test projects that target several (default: each of them in turn)." };
        var progress = new Option<string>("--progress")
        {
            Description = "auto: a live status line (phase, test counts, findings so far) on a terminal, plain lines in CI or when stderr is redirected; plain; live.",
            DefaultValueFactory = _ => ProgressModes.Auto,
        };
        progress.AcceptOnlyFromAmong(ProgressModes.Auto, ProgressModes.Plain, ProgressModes.Live);
        var verbose = CommonOptions.Verbose();
        var traceChildren = ChildProcesses.TraceChildren();
        var native = Native.NativeSanitizer.Option();
        var target = new Argument<string>("path") { Description = "Test project, solution or folder (default: the current folder).", DefaultValueFactory = _ => "." };
        var extra = new Argument<string[]>("dotnet-test-args") { Description = "Arguments after -- go to the test runner: dotnet test for VSTest projects (filters, loggers), the test app for Microsoft.Testing.Platform ones.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("test", "Build, instrument and run a test suite under the sanitizers; each finding fails the test that raised it.")
        {
            sanitize, include, exclude, results, noBuild, configuration, framework, progress, verbose, traceChildren, native, target, extra,
        };
        command.SetAction(r =>
        {
            string path = r.GetValue(target)!;
            if (ChildProcesses.Parse(r.GetValue(traceChildren)!) is not { } followChildren) return 2;
            if (!Native.NativeSanitizer.TryPrepare(r.GetValue(native), valgrindAllowed: false, out string? asanRuntime, out _)) return 2;
            Progress.Use(live: ProgressModes.Parse(r.GetValue(progress)!) ?? false);
            ConfigFile? config;
            try { config = ConfigFile.Find(path); }
            catch (FormatException e) { CommonOptions.Error(e.Message); return 2; }
            if (config is not null) CommonOptions.Info($"using {config.Path}");
            // The command line wins over sharpsan.json; globs add up.
            bool sanitizeGiven = r.GetResult(sanitize) is { Implicit: false };
            string sanitizers = !sanitizeGiven && config?.Sanitize is { } fromFile ? fromFile : r.GetValue(sanitize)!;
            return Run(sanitizers, [.. config?.Include ?? [], .. r.GetValue(include) ?? []], [.. config?.Exclude ?? [], .. r.GetValue(exclude) ?? []],
                r.GetValue(results)!, r.GetValue(noBuild), r.GetValue(configuration), r.GetValue(framework), r.GetValue(verbose), followChildren, asanRuntime, path, r.GetValue(extra) ?? [],
                ConfigFile.MergeOptions(config, Environment.GetEnvironmentVariable("SHARPSAN_OPTIONS") ?? ""));
        });
        return command;
    }

    /// <param name="userOptions">SHARPSAN_OPTIONS after sharpsan.json's options.</param>
    static int Run(string sanitize, string[] include, string[] exclude, string resultsDir, bool noBuild, string? configuration, string? framework,
        bool verbose, bool followChildren, string? asanRuntime, string target, string[] extra, string userOptions)
    {
        var clock = new PhaseClock();
        string? sanitizers = CommonOptions.ParseSanitizers(sanitize);
        if (sanitizers is null) return 2;
        if (CommonOptions.ChoicesFrom(userOptions) is not { } choices) return 2;

        var projects = TestProjects.ProjectsOf(target, out string? error);
        if (error is not null) { CommonOptions.Error(error); return 2; }
        var (buildArguments, evaluationArguments) = Selection(configuration, framework);
        if (!noBuild)
        {
            Progress.Line($"building {target}");
            var (ok, output) = TestProjects.Build(target, projects, buildArguments);
            Progress.Done();
            if (!ok)
            {
                Console.Error.WriteLine(output);
                CommonOptions.Error($"the build of {target} failed (its errors are above); nothing was tested");
                return 2;
            }
            clock.Mark("build");
        }
        var search = TestProjects.TestProjectsAmong(projects, evaluationArguments);
        clock.Mark("projects");
        if (CannotTest(search, target, noBuild) is { } problem)
        {
            CommonOptions.Error(problem);
            return 2;
        }

        string results = Path.GetFullPath(resultsDir);
        string findingsDir = Path.Combine(results, "findings");
        if (Directory.Exists(findingsDir)) Directory.Delete(findingsDir, recursive: true);
        Directory.CreateDirectory(findingsDir);
        bool testsFailed = false;
        string sourceRoot = SourceRoot(target);
        foreach (var test in search.Tests)
        {
            if (!File.Exists(test.TargetPath))
            {
                CommonOptions.Error($"{test.Name}: {test.TargetPath} does not exist (build it, or drop --no-build)");
                return 2;
            }
            using var copy = Instrument(test, include, exclude, sanitizers, choices.Heuristic, verbose, sourceRoot);
            if (copy is null) return 2;
            clock.Mark(copy.Report.FromCache ? "instrument (cached)" : "instrument");
            string? scratch = asanRuntime is null ? null : Native.NativeSanitizer.NewScratch();
            int exit = TestHost.Run(test.Runner, copy.Report.MainAssembly!, extra, userOptions, findingsDir, Progress.View, test.Name,
                start =>
                {
                    if (followChildren) ChildProcesses.Follow(start, sanitizers, verbose);
                    JitSettings.Apply(start, copy.Report.MainAssembly!);
                    if (asanRuntime is not null) Native.NativeSanitizer.Apply(start, asanRuntime, scratch!, recover: true);
                });
            if (scratch is not null) Native.NativeHostDeaths.Explain(findingsDir, test.Name);
            if (scratch is not null) Native.NativeLeakReports.Print(scratch, findingsDir);
            if (scratch is not null) Native.NativeSanitizer.Clean(scratch);
            if (exit != 0) CommonOptions.Info($"{test.Name}: the test run exited with code {exit} (failed tests, or a test host that did not finish)");
            testsFailed |= exit != 0;
            clock.Mark("test run");
        }

        StragglerChildren.WaitFor(findingsDir);
        var findings = Findings.Load(findingsDir);
        string sarif = Path.Combine(results, "sharpsan.sarif");
        SarifLog.Write(sarif, findings, sourceRoot, typeof(TestCommand).Assembly.GetName().Version?.ToString(3) ?? "0");
        SummaryTable.Print(Console.Error, findings, sourceRoot);
        CommonOptions.Info($"results: {sarif}");
        clock.Mark("results");
        if (verbose) CommonOptions.Info($"time: {clock.Summary()}");
        return findings.Count > 0 || testsFailed ? 1 : 0;
    }

    /// <summary>--configuration and --framework as `dotnet build` options, and as the properties a project evaluation needs.</summary>
    static (string[] Build, string[] Evaluation) Selection(string? configuration, string? framework)
    {
        List<string> build = [], evaluation = [];
        if (configuration is not null)
        {
            build.AddRange(["-c", configuration]);
            evaluation.Add($"-p:Configuration={configuration}");
        }
        if (framework is not null)
        {
            build.AddRange(["-f", framework]);
            evaluation.Add($"-p:TargetFramework={framework}");
        }
        return ([.. build], [.. evaluation]);
    }

    /// <summary>Why nothing can be tested, as an error message saying what to do; null when all is well.</summary>
    static string? CannotTest(TestProjectSearch search, string target, bool noBuild)
    {
        if (search.Tests.Count > 0) return null;
        if (search.NotRestored.Count > 0)
            return $"nothing is built in {target}: {string.Join(", ", search.NotRestored.Select(Path.GetFileName))} " +
                   $"{(search.NotRestored.Count == 1 ? "was" : "were")} never restored or built, so no test project can be recognised ({(noBuild ? "drop --no-build" : "build first")})";
        return $"no test project found in {target} (a test project references Microsoft.NET.Test.Sdk, which sets IsTestProject, " +
               "or a Microsoft.Testing.Platform test framework such as xunit.v3, which sets IsTestingPlatformApplication)";
    }

    static InstrumentedCopy? Instrument(TestProject test, string[] include, string[] exclude, string sanitizers, bool heuristic, bool verbose, string sourceRoot)
    {
        try
        {
            var instrumenter = new AppInstrumenter(CommonOptions.LoadRuntime(), Progress.Line);
            // Tests continue after a finding (it fails only its own test), so the checks must be able to return.
            var request = new InstrumentRequest(test.TargetPath, "", include, exclude, sanitizers, Recover: true, heuristic);
            var copy = new InstrumentedCopies(instrumenter, CacheDirectory.Root).Obtain(request);
            Progress.Done();
            var report = copy.Report;
            var withoutSymbols = report.Assemblies.Where(a => a.Detail.Contains(AppInstrumenter.NoSymbols, StringComparison.Ordinal)).Select(a => a.FileName).ToList();
            if (withoutSymbols.Count > 0)
                CommonOptions.Info($"{test.Name}: {string.Join(", ", withoutSymbols)} {(withoutSymbols.Count == 1 ? "has" : "have")} no PDB: still checked, but reports show IL offsets instead of file:line");
            CoverageAccount.Print(report, verbose, sourceRoot, test.Name);
            return copy;
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            Progress.Done();
            CommonOptions.Error($"{test.Name}: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// The folder paths in results are made relative to (SARIF's %SRCROOT%): the repository root (a .git above the
    /// target), else the nearest folder holding a solution, else the target's folder.
    /// </summary>
    static string SourceRoot(string target)
    {
        string full = Path.GetFullPath(target);
        return CoverageAccount.RepositoryRoot(full) ?? (File.Exists(full) ? Path.GetDirectoryName(full)! : full);
    }
}
