using SharpSan.Integration.Tests.Infrastructure;

namespace SharpSan.Integration.Tests;

/// <summary>
/// The path a user takes: `dotnet pack` makes the tool package, `dotnet tool install` puts it into a tool manifest
/// from a local folder, and `dotnet sharpsan test` checks a sample solution. The sources are packed from a scratch
/// copy (no bin/obj lands in the repository) and the install uses its own NuGet and CLI home folders, so neither an
/// older SharpSan 0.1.0 in the user's caches nor this one leaks across runs.
/// </summary>
public sealed class ToolPackageTests
{
    static readonly string s_repository = Path.GetFullPath(Path.Combine(TestPaths.AppsDirectory, "..", "..", ".."));

    [Fact]
    public async Task PackedTool_InstalledIntoAManifest_TestsASampleSolution()
    {
        string work = TestPaths.NewDirectory("tool-package");
        foreach (var project in new[] { "SharpSan.Cli", "SharpSan.Runtime", "SharpSan.Instrumentation" })
            CopyTree(Path.Combine(s_repository, "src", project), Path.Combine(work, "src", project));
        File.Copy(Path.Combine(s_repository, "Directory.Build.props"), Path.Combine(work, "Directory.Build.props"));
        string packages = Path.Combine(work, "packages");

        var pack = await ProcessRunner.RunAsync(ProcessRunner.Dotnet,
            ["pack", Path.Combine(work, "src", "SharpSan.Cli"), "-c", "Release", "-o", packages, "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false"],
            timeout: TimeSpan.FromMinutes(5));
        Assert.True(pack.ExitCode == 0, pack.ToString());
        Assert.True(File.Exists(Path.Combine(packages, "SharpSan.0.1.0.nupkg")), pack.ToString());

        string user = Path.Combine(work, "user");
        Directory.CreateDirectory(user);
        var isolated = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_HOME"] = Path.Combine(work, "cli-home"),   // the local-tool resolver cache lives here
            ["NUGET_PACKAGES"] = Path.Combine(work, "nuget"),
            ["DOTNET_NOLOGO"] = "1",
        };
        var manifest = await ProcessRunner.RunAsync(ProcessRunner.Dotnet, ["new", "tool-manifest"], isolated, workingDirectory: user);
        Assert.True(manifest.ExitCode == 0, manifest.ToString());
        var install = await ProcessRunner.RunAsync(ProcessRunner.Dotnet,
            ["tool", "install", "SharpSan", "--add-source", packages, "--version", "0.1.0"], isolated, TimeSpan.FromMinutes(3), user);
        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.Contains("successfully installed", install.StdOut + install.StdErr);

        string suite = Path.Combine(work, "suite");
        CopyTree(Path.Combine(TestPaths.AppsDirectory, "TestSuites", "XunitSuite"), suite);
        var test = await ProcessRunner.RunAsync(ProcessRunner.Dotnet, ["sharpsan", "test", suite, "--results", Path.Combine(work, "results")],
            new Dictionary<string, string?> { ["DOTNET_CLI_HOME"] = isolated["DOTNET_CLI_HOME"], ["SHARPSAN_CACHE"] = Path.Combine(work, "cache") },
            TimeSpan.FromMinutes(5), user);

        Assert.True(test.ExitCode == 1, test.ToString());
        Assert.Matches(@"(?m)^\s+heap-buffer-overflow\s+Buffers/NativeBuffer\.cs:\d+\s+.*\s3$", test.StdErr);
        Assert.Matches(@"(?m)^\s+pool-double-return\s+Buffers/Scratch\.cs:\d+\s+BufferTests\.Scratch_DisposedTwice\s+1$", test.StdErr);
        Assert.True(File.Exists(Path.Combine(work, "results", "sharpsan.sarif")), test.ToString());
    }

    static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj")) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }
}
