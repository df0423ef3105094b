using System.Collections.Concurrent;

namespace SharpSan.Integration.Tests.Infrastructure;

/// <summary>
/// Builds the test programs under Apps/ with `dotnet build -c Release -o &lt;dir&gt;`, once per test run and variant.
/// Each variant is built from its own copy of the sources in the scratch folder, so no obj/ folder lands in the
/// repository, variants never share intermediate files, and two test runs never race on one obj/ folder.
/// </summary>
public static class AppBuilder
{
    static readonly ConcurrentDictionary<string, Lazy<Task<string>>> s_builds = new();
    static readonly SemaphoreSlim s_parallelBuilds = new(2);   // 2 cores

    /// <summary>Builds Apps/&lt;name&gt; (with extra MSBuild properties for a variant); returns the output folder.</summary>
    public static Task<string> BuildAsync(string name, string variant = "default", params string[] properties) =>
        s_builds.GetOrAdd($"{name}/{variant}", _ => new Lazy<Task<string>>(() => Build(name, variant, properties))).Value;

    static async Task<string> Build(string name, string variant, string[] properties)
    {
        string source = Path.Combine(TestPaths.Root, "src", $"{name}-{variant}");
        string project = Path.Combine(source, name);
        CopySources(Path.Combine(TestPaths.AppsDirectory, name), project);
        File.Copy(Path.Combine(TestPaths.AppsDirectory, "Directory.Build.props"), Path.Combine(source, "Directory.Build.props"), overwrite: true);
        string output = Path.Combine(TestPaths.Root, "build", $"{name}-{variant}");

        await s_parallelBuilds.WaitAsync();
        try
        {
            string[] args =
            [
                "build", Path.Combine(project, name + ".csproj"), "-c", "Release", "-o", output,
                "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:ErrorsOnly;NoSummary", .. properties,
            ];
            var result = await ProcessRunner.RunAsync(ProcessRunner.Dotnet, args, timeout: TimeSpan.FromMinutes(5));
            if (result.ExitCode != 0) throw new InvalidOperationException($"building Apps/{name} ({variant}) failed:\n{result}");
        }
        finally
        {
            s_parallelBuilds.Release();
        }
        return output;
    }

    static void CopySources(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            string top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj") continue;
            string target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
