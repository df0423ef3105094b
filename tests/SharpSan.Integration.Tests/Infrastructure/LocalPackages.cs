namespace SharpSan.Integration.Tests.Infrastructure;

/// <summary>
/// NuGet packages of SharpSan (the dotnet tool, the MSBuild switch) packed once per test run from a scratch copy of the
/// sources, so no bin/obj lands in the repository, into one local package folder.
/// </summary>
public static class LocalPackages
{
    static readonly string s_repository = Path.GetFullPath(Path.Combine(TestPaths.AppsDirectory, "..", "..", ".."));
    static readonly SemaphoreSlim s_gate = new(1);
    static readonly Dictionary<string, string> s_packed = [];
    static string? s_sources;

    /// <summary>The local package folder, after packing src/<paramref name="project"/> into it.</summary>
    public static async Task<string> PackAsync(string project)
    {
        await s_gate.WaitAsync();
        try
        {
            if (s_packed.TryGetValue(project, out var folder)) return folder;
            s_sources ??= CopySources();
            string packages = Path.Combine(TestPaths.Root, "local-packages");
            var pack = await ProcessRunner.RunAsync(ProcessRunner.Dotnet,
                ["pack", Path.Combine(s_sources, "src", project), "-c", "Release", "-o", packages, "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false"],
                timeout: TimeSpan.FromMinutes(5));
            if (pack.ExitCode != 0) throw new InvalidOperationException($"packing {project} failed:\n{pack}");
            s_packed[project] = packages;
            return packages;
        }
        finally
        {
            s_gate.Release();
        }
    }

    /// <summary>Environment for installing or restoring our 0.1.0 packages without meeting a cached older 0.1.0.</summary>
    public static Dictionary<string, string?> IsolatedNuGet(string work) => new()
    {
        ["DOTNET_CLI_HOME"] = Path.Combine(work, "cli-home"),   // the local-tool resolver cache lives here
        ["NUGET_PACKAGES"] = Path.Combine(work, "nuget"),
        ["DOTNET_NOLOGO"] = "1",
    };

    static string CopySources()
    {
        string copy = TestPaths.NewDirectory("sources");
        foreach (var project in Directory.EnumerateDirectories(Path.Combine(s_repository, "src")))
            TestSuites.CopySources(project, Path.Combine(copy, "src", Path.GetFileName(project)));
        File.Copy(Path.Combine(s_repository, "Directory.Build.props"), Path.Combine(copy, "Directory.Build.props"));
        return copy;
    }
}
