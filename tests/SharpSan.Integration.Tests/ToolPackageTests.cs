using SharpSan.Integration.Tests.Infrastructure;

namespace SharpSan.Integration.Tests;

/// <summary>
/// The paths a user takes with the packages: `dotnet tool install` from a local folder into a tool manifest, then
/// `dotnet sharpsan test`; and a PackageReference to SharpSan.MSBuild, then `dotnet test -p:Sanitize=address`. Both
/// check the xunit sample solution and must fail exactly its buggy tests.
/// </summary>
public sealed class ToolPackageTests
{
    static void AssertSampleFindings(ProcessResult run, string output)
    {
        Assert.Matches(@"Failed:\s+4, Passed:\s+3", output);
        Assert.Matches(@"(?m)^\s+heap-buffer-overflow\s+Buffers/NativeBuffer\.cs:\d+\s+.*\s3$", output);
        Assert.Matches(@"(?m)^\s+pool-double-return\s+Buffers/Scratch\.cs:\d+\s+BufferTests\.Scratch_DisposedTwice\s+1$", output);
        Assert.True(run.ExitCode != 0, run.ToString());
    }

    [Fact]
    public async Task PackedTool_InstalledIntoAManifest_TestsASampleSolution()
    {
        string packages = await LocalPackages.PackAsync("SharpSan.Cli");
        string work = TestPaths.NewDirectory("tool-package");
        string user = Path.Combine(work, "user");
        Directory.CreateDirectory(user);
        var isolated = LocalPackages.IsolatedNuGet(work);
        var manifest = await ProcessRunner.RunAsync(ProcessRunner.Dotnet, ["new", "tool-manifest"], isolated, workingDirectory: user);
        Assert.True(manifest.ExitCode == 0, manifest.ToString());
        var install = await ProcessRunner.RunAsync(ProcessRunner.Dotnet,
            ["tool", "install", "SharpSan", "--add-source", packages, "--version", "0.1.0"], isolated, TimeSpan.FromMinutes(3), user);
        Assert.True(install.ExitCode == 0, install.ToString());

        string suite = TestSuites.Copy("XunitSuite", Path.Combine(work, "suite"));
        var test = await ProcessRunner.RunAsync(ProcessRunner.Dotnet, ["sharpsan", "test", suite, "--results", Path.Combine(work, "results")],
            new Dictionary<string, string?> { ["DOTNET_CLI_HOME"] = isolated["DOTNET_CLI_HOME"], ["SHARPSAN_CACHE"] = Path.Combine(work, "cache") },
            TimeSpan.FromMinutes(5), user);

        Assert.Equal(1, test.ExitCode);
        AssertSampleFindings(test, test.StdOut + test.StdErr);
        Assert.True(File.Exists(Path.Combine(work, "results", "sharpsan.sarif")), test.ToString());
    }

    [Fact]
    public async Task MSBuildPackage_DotnetTestWithSanitizeProperty_RunsTheSuiteUnderSharpSan()
    {
        string packages = await LocalPackages.PackAsync("SharpSan.MSBuild");
        string work = TestPaths.NewDirectory("msbuild-package");
        string suite = TestSuites.Copy("XunitSuite", Path.Combine(work, "suite"));
        File.WriteAllText(Path.Combine(suite, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="sharpsan-local" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        string testProject = Path.Combine(suite, "Buffers.Tests", "Buffers.Tests.csproj");
        File.WriteAllText(testProject, File.ReadAllText(testProject).Replace(
            "<ProjectReference Include=\"../Buffers/Buffers.csproj\" />",
            "<ProjectReference Include=\"../Buffers/Buffers.csproj\" />\n    <PackageReference Include=\"SharpSan.MSBuild\" Version=\"0.1.0\" />"));
        var environment = LocalPackages.IsolatedNuGet(work);
        environment["SHARPSAN_CACHE"] = Path.Combine(work, "cache");

        // Without -p:Sanitize the package is inert. (Only a clean test: unchecked, the overflow corrupts the C heap and
        // may crash the test host with "malloc(): invalid next size" — the bug SharpSan pins to its line below.)
        var plain = await ProcessRunner.RunAsync(ProcessRunner.Dotnet, ["test", suite, "--filter", "Fill_SumsEveryByte", "-nodeReuse:false"], environment, TimeSpan.FromMinutes(5), suite);
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.DoesNotContain("sharpsan: ", plain.StdOut + plain.StdErr);
        Assert.False(Directory.Exists(Path.Combine(suite, "Buffers.Tests", "sharpsan-results")), plain.ToString());

        var sanitized = await ProcessRunner.RunAsync(ProcessRunner.Dotnet, ["test", suite, "-p:Sanitize=address", "-nodeReuse:false"], environment, TimeSpan.FromMinutes(5), suite);

        AssertSampleFindings(sanitized, sanitized.StdOut + sanitized.StdErr);
        Assert.True(File.Exists(Path.Combine(suite, "Buffers.Tests", "sharpsan-results", "sharpsan.sarif")), sanitized.ToString());
    }
}
