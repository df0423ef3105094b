using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SharpSan.Cli.Testing;

/// <summary>How a test project's tests are run.</summary>
internal enum TestRunner
{
    /// <summary>VSTest (Microsoft.NET.Test.Sdk): <c>dotnet test &lt;test dll&gt;</c>.</summary>
    VSTest,
    /// <summary>Microsoft.Testing.Platform (xunit.v3, the MSTest and NUnit runners): the test assembly is an app that runs its own tests.</summary>
    TestingPlatform,
}

/// <summary>A test project (for one of its target frameworks), the assembly its build produced and how its tests run.</summary>
/// <param name="Framework">The target framework, for a project that targets several; null for one that targets one.</param>
internal sealed record TestProject(string ProjectPath, string TargetPath, TestRunner Runner, string? Framework = null)
{
    public string Name => Path.GetFileNameWithoutExtension(ProjectPath) + (Framework is null ? "" : $" ({Framework})");
}

/// <summary>The test projects among some projects, and what kept others from being judged.</summary>
/// <param name="NotRestored">Projects never restored (nor built): whether they are test projects cannot be told.</param>
internal sealed record TestProjectSearch(IReadOnlyList<TestProject> Tests, IReadOnlyList<string> NotRestored);

/// <summary>Finds the test projects of a project, solution or folder, and builds them with the user's own dotnet.</summary>
internal static class TestProjects
{
    /// <summary>The projects a path names: itself (a project), a solution's projects, or the solution/projects in a folder.</summary>
    public static IReadOnlyList<string> ProjectsOf(string path, out string? error)
    {
        error = null;
        string full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            if (IsProject(full)) return [full];
            if (IsSolution(full)) return SolutionProjects(full);
            error = $"{path} is not a project or solution file";
            return [];
        }
        if (!Directory.Exists(full))
        {
            error = $"no such file or directory: {path}";
            return [];
        }
        var solutions = Directory.EnumerateFiles(full).Where(IsSolution).ToList();
        if (solutions.Count == 1) return SolutionProjects(solutions[0]);
        if (solutions.Count > 1)
        {
            error = $"{path} holds several solutions ({string.Join(", ", solutions.Select(Path.GetFileName))}); name one";
            return [];
        }
        return Directory.EnumerateFiles(full, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .OrderBy(p => p, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Builds <paramref name="target"/> (a project, a solution, or a folder's solution), or else each of the folder's
    /// <paramref name="projects"/>; returns the first failing build's own output.
    /// </summary>
    /// <summary>MSBuild's "child node exited prematurely": its infrastructure failed, the project may be fine.</summary>
    const string NodeDiedError = "MSB4166";

    public static (bool Ok, string Output) Build(string target, IReadOnlyList<string> projects, IReadOnlyList<string> extraArguments)
    {
        string full = Path.GetFullPath(target);
        bool whole = File.Exists(full) || Directory.EnumerateFiles(full).Any(IsSolution);
        foreach (var item in whole ? [full] : projects)
        {
            var (exit, output) = Dotnet(["build", item, "-nologo", .. extraArguments]);
            if (exit != 0 && output.Contains(NodeDiedError, StringComparison.Ordinal))
            {
                // MSBuild's own failure, not the project's: a worker node it reused or started died under it. Once more.
                Console.Error.WriteLine($"sharpsan: an MSBuild worker node died during the build of {item} ({NodeDiedError}); building it once more");
                (exit, output) = Dotnet(["build", item, "-nologo", .. extraArguments]);
            }
            if (exit != 0) return (false, output);
        }
        return (true, "");
    }

    /// <summary>
    /// The projects that are test projects: Microsoft.Testing.Platform apps (IsTestingPlatformApplication) run
    /// themselves, the other test projects (IsTestProject) run under VSTest. Both properties come from the test
    /// packages, so a project that was never restored cannot be judged. A project that targets several frameworks (and
    /// no --framework chose one) is one test project per framework, each judged on its own evaluation.
    /// </summary>
    public static TestProjectSearch TestProjectsAmong(IEnumerable<string> projects, IReadOnlyList<string> evaluationArguments)
    {
        var tests = new List<TestProject>();
        var notRestored = new List<string>();
        var multiTargeted = new List<(string Project, string Framework)>();
        foreach (var (project, properties) in InParallel(projects, p => Evaluate(p, evaluationArguments)))
        {
            if (properties is null) continue;
            if (properties.AssetsFile is { Length: > 0 } assets && !File.Exists(assets))
            {
                notRestored.Add(project);
                continue;
            }
            if (properties.TargetPath.Length > 0)
            {
                if (properties.Runner is { } runner) tests.Add(new TestProject(project, properties.TargetPath, runner));
                continue;
            }
            foreach (var framework in properties.TargetFrameworks.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct())
                multiTargeted.Add((project, framework));
        }
        foreach (var ((project, framework), inner) in InParallel(multiTargeted, m => Evaluate(m.Project, [.. evaluationArguments, $"-p:TargetFramework={m.Framework}"])))
            if (inner is { Runner: { } runner, TargetPath.Length: > 0 })
                tests.Add(new TestProject(project, inner.TargetPath, runner, framework));
        return new TestProjectSearch(tests, notRestored);
    }

    /// <summary>
    /// Each item with its evaluation, in the items' order. Every evaluation is a `dotnet msbuild` process of a second or
    /// more (most of it the process's own start), one per project of a solution: run side by side, a solution of many
    /// projects costs about what its slowest evaluation costs per core instead of their sum.
    /// </summary>
    static List<(T Item, ProjectProperties? Properties)> InParallel<T>(IEnumerable<T> items, Func<T, ProjectProperties?> evaluate) =>
        items.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Max(2, Environment.ProcessorCount))
            .Select(item => (item, evaluate(item))).ToList();

    /// <param name="Runner">How its tests run, or null when it is not a test project.</param>
    sealed record ProjectProperties(TestRunner? Runner, string TargetPath, string TargetFrameworks, string AssetsFile);

    /// <summary>The properties that decide whether and how a project is tested; a second `sharpsan test` of an unchanged project reads them from <see cref="ProjectEvaluationCache"/>.</summary>
    static ProjectProperties? Evaluate(string project, IReadOnlyList<string> evaluationArguments)
    {
        string? output = ProjectEvaluationCache.Default.GetOrEvaluate(project, evaluationArguments, () =>
        {
            var (exit, answer) = Dotnet(["msbuild", project, "-nologo", "-getProperty:IsTestProject", "-getProperty:IsTestingPlatformApplication",
                "-getProperty:TestingPlatformDotnetTestSupport", "-getProperty:TargetPath", "-getProperty:TargetFrameworks", "-getProperty:ProjectAssetsFile",
                .. evaluationArguments]);
            return exit == 0 ? answer : null;
        });
        if (output is null) return null;
        var properties = JsonNode.Parse(output)?["Properties"];
        string Property(string name) => properties?[name]?.GetValue<string>() ?? "";
        var runner = RunnerOf(IsTrue(Property("IsTestProject")), IsTrue(Property("IsTestingPlatformApplication")),
            IsTrue(Property("TestingPlatformDotnetTestSupport")), DotnetTestMode.UsesTestingPlatform(project));
        return new ProjectProperties(runner, Property("TargetPath"), Property("TargetFrameworks"), Property("ProjectAssetsFile"));
    }

    /// <summary>
    /// The runner `dotnet test` itself would use, so that the same tests run, counted and filtered the same way. In its
    /// VSTest mode (the default) a Microsoft.Testing.Platform app runs as its own runner only when it opts into
    /// TestingPlatformDotnetTestSupport; an xunit.v3 project that also references Microsoft.NET.Test.Sdk and
    /// xunit.runner.visualstudio runs under VSTest. In the Microsoft.Testing.Platform mode (global.json's test runner)
    /// every such app runs itself. A platform app that is not a VSTest project at all runs itself either way (VSTest
    /// would find no test in it).
    /// </summary>
    public static TestRunner? RunnerOf(bool isTestProject, bool isTestingPlatformApplication, bool dotnetTestSupport, bool testingPlatformMode)
    {
        if (isTestingPlatformApplication && (testingPlatformMode || dotnetTestSupport || !isTestProject)) return TestRunner.TestingPlatform;
        return isTestProject ? TestRunner.VSTest : null;
    }

    static bool IsTrue(string value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    static bool IsProject(string file) => file.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
        || file.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase);

    static bool IsSolution(string file) => file.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase);

    static IReadOnlyList<string> SolutionProjects(string solution)
    {
        var (exit, output) = Dotnet(["sln", solution, "list"]);
        if (exit != 0) return [];
        string root = Path.GetDirectoryName(solution)!;
        return output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(IsProject)
            .Select(p => Path.GetFullPath(Path.Combine(root, p.Replace('\\', Path.DirectorySeparatorChar))))
            .Where(File.Exists).ToList();
    }

    static (int Exit, string Output) Dotnet(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(DotnetHost.Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}

/// <summary>The dotnet host running this tool (so a user's pinned SDK is the one used), or `dotnet` on PATH.</summary>
internal static class DotnetHost
{
    public static string Path { get; } = Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
}
