using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SharpSan.Cli.Testing;

/// <summary>A test project and the assembly its build produced.</summary>
internal sealed record TestProject(string ProjectPath, string TargetPath)
{
    public string Name => Path.GetFileNameWithoutExtension(ProjectPath);
}

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

    /// <summary>Builds <paramref name="target"/>; returns the build's own output when it fails.</summary>
    public static (bool Ok, string Output) Build(string target, IEnumerable<string> extraArguments)
    {
        var (exit, output) = Dotnet(["build", target, "-nologo", .. extraArguments]);
        return (exit == 0, output);
    }

    /// <summary>The projects that are test projects (IsTestProject), with the path of the assembly they build.</summary>
    public static IReadOnlyList<TestProject> TestProjectsAmong(IEnumerable<string> projects, IEnumerable<string> buildArguments)
    {
        var found = new List<TestProject>();
        foreach (var project in projects)
        {
            var (exit, output) = Dotnet(["msbuild", project, "-nologo", "-getProperty:IsTestProject", "-getProperty:TargetPath", .. buildArguments]);
            if (exit != 0) continue;
            var properties = JsonNode.Parse(output)?["Properties"];
            if (!string.Equals(properties?["IsTestProject"]?.GetValue<string>(), "true", StringComparison.OrdinalIgnoreCase)) continue;
            string? targetPath = properties?["TargetPath"]?.GetValue<string>();
            if (!string.IsNullOrEmpty(targetPath)) found.Add(new TestProject(project, targetPath));
        }
        return found;
    }

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
