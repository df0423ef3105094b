using System.CommandLine;
using System.Diagnostics;
using SharpSan.Cli.Testing;
using SharpSan.Instrumentation.Application;

namespace SharpSan.Cli.Commands;

/// <summary>
/// <c>sharpsan test --sanitize list [project|solution|dir] [-- dotnet test args]</c>: build, instrument each test
/// project's output (the test assembly and the solution's own assemblies, cached by content) into a separate folder,
/// run <c>dotnet test</c> on the instrumented copy with findings tied to tests (a finding fails the test that raised
/// it, with the report as its message), then write SARIF and print a summary. The build outputs are never modified.
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
        var target = new Argument<string>("path") { Description = "Test project, solution or folder (default: the current folder).", DefaultValueFactory = _ => "." };
        var extra = new Argument<string[]>("dotnet-test-args") { Description = "Arguments after -- go to dotnet test (filters, loggers).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("test", "Build, instrument and run a test suite under the sanitizers; each finding fails the test that raised it.")
        {
            sanitize, include, exclude, results, noBuild, configuration, target, extra,
        };
        command.SetAction(r => Run(r.GetValue(sanitize)!, r.GetValue(include) ?? [], r.GetValue(exclude) ?? [], r.GetValue(results)!,
            r.GetValue(noBuild), r.GetValue(configuration), r.GetValue(target)!, r.GetValue(extra) ?? []));
        return command;
    }

    static int Run(string sanitize, string[] include, string[] exclude, string resultsDir, bool noBuild, string? configuration, string target, string[] extra)
    {
        string? sanitizers = CommonOptions.ParseSanitizers(sanitize);
        if (sanitizers is null) return 2;
        string userOptions = Environment.GetEnvironmentVariable("SHARPSAN_OPTIONS") ?? "";
        if (CommonOptions.ChoicesFromEnvironment() is not { } choices) return 2;

        var projects = TestProjects.ProjectsOf(target, out string? error);
        if (error is not null) { CommonOptions.Error(error); return 2; }
        string[] buildArguments = configuration is null ? [] : ["-c", configuration];
        if (!noBuild)
        {
            Progress.Line($"building {target}");
            var (ok, output) = TestProjects.Build(Path.GetFullPath(target), buildArguments);
            Progress.Done();
            if (!ok)
            {
                Console.Error.WriteLine(output);
                CommonOptions.Error($"the build of {target} failed (its errors are above); nothing was tested");
                return 2;
            }
        }
        // `dotnet msbuild` has no -c: the configuration goes in as a property.
        var tests = TestProjects.TestProjectsAmong(projects, configuration is null ? [] : [$"-p:Configuration={configuration}"]);
        if (tests.Count == 0)
        {
            CommonOptions.Error($"no test project found in {target} (a test project references Microsoft.NET.Test.Sdk, which sets IsTestProject)");
            return 2;
        }

        string results = Path.GetFullPath(resultsDir);
        string findingsDir = Path.Combine(results, "findings");
        if (Directory.Exists(findingsDir)) Directory.Delete(findingsDir, recursive: true);
        Directory.CreateDirectory(findingsDir);
        bool testsFailed = false;
        foreach (var test in tests)
        {
            if (!File.Exists(test.TargetPath))
            {
                CommonOptions.Error($"{test.Name}: {test.TargetPath} does not exist (build it, or drop --no-build)");
                return 2;
            }
            var instrumented = Instrument(test, include, exclude, sanitizers, choices.Heuristic);
            if (instrumented is null) return 2;
            int exit = RunTests(instrumented, extra, userOptions, findingsDir);
            testsFailed |= exit != 0;
        }

        var findings = Findings.Load(findingsDir);
        string sourceRoot = SourceRoot(target);
        string sarif = Path.Combine(results, "sharpsan.sarif");
        SarifLog.Write(sarif, findings, sourceRoot, typeof(TestCommand).Assembly.GetName().Version?.ToString(3) ?? "0");
        SummaryTable.Print(Console.Error, findings, sourceRoot);
        CommonOptions.Info($"results: {sarif}");
        return findings.Count > 0 || testsFailed ? 1 : 0;
    }

    static string? Instrument(TestProject test, string[] include, string[] exclude, string sanitizers, bool heuristic)
    {
        try
        {
            var instrumenter = new AppInstrumenter(CommonOptions.LoadRuntime(), Progress.Line);
            // Tests continue after a finding (it fails only its own test), so the checks must be able to return.
            var report = instrumenter.InstrumentCached(new InstrumentRequest(test.TargetPath, "", include, exclude, sanitizers, Recover: true, heuristic), CacheDirectory.Root);
            Progress.Done();
            foreach (var skipped in report.Assemblies.Where(a => a.Action == "skipped"))
                CommonOptions.Info($"{test.Name}: skipped {skipped.FileName}: {skipped.Detail}");
            return report.MainAssembly;
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            Progress.Done();
            CommonOptions.Error($"{test.Name}: {e.Message}");
            return null;
        }
    }

    static int RunTests(string assembly, string[] extra, string userOptions, string findingsDir)
    {
        var start = new ProcessStartInfo(DotnetHost.Path) { UseShellExecute = false };
        start.ArgumentList.Add("test");
        start.ArgumentList.Add(assembly);
        foreach (var a in extra) start.ArgumentList.Add(a);
        string ours = $"halt_on_error=0:fail_tests=1:results_dir={findingsDir}";
        start.Environment["SHARPSAN_OPTIONS"] = userOptions.Length > 0 ? userOptions + ":" + ours : ours;
        using var child = Process.Start(start)!;
        child.WaitForExit();
        return child.ExitCode;
    }

    /// <summary>
    /// The folder paths in results are made relative to (SARIF's %SRCROOT%): the repository root (a .git above the
    /// target), else the nearest folder holding a solution, else the target's folder.
    /// </summary>
    static string SourceRoot(string target)
    {
        string full = Path.GetFullPath(target);
        string start = File.Exists(full) ? Path.GetDirectoryName(full)! : full;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git"))) return dir.FullName;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (dir.EnumerateFiles("*.sln").Any() || dir.EnumerateFiles("*.slnx").Any()) return dir.FullName;
        return start;
    }
}
