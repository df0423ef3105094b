using SharpSan.Integration.Tests.Infrastructure;

namespace SharpSan.Integration.Tests;

/// <summary>
/// The paths a user takes with the packages: `dotnet tool install` from a local folder into a tool manifest, then
/// `dotnet sharpsan test`; and a PackageReference to SharpSan.MSBuild, then `dotnet test -p:Sanitize=address` (on the
/// xunit sample solution, and on an xunit.v3 Microsoft.Testing.Platform project in both modes of `dotnet test`). Each
/// must fail exactly the buggy tests.
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

    /// <summary>A copy of a sample suite whose test project references the packed SharpSan.MSBuild from a local source.</summary>
    static async Task<(string Work, string Suite, Dictionary<string, string?> Environment)> SuiteWithMSBuildPackage(string suiteName, string testProject)
    {
        string packages = await LocalPackages.PackAsync("SharpSan.MSBuild");
        string work = TestPaths.NewDirectory("msbuild-package");
        string suite = TestSuites.Copy(suiteName, Path.Combine(work, "suite"));
        File.WriteAllText(Path.Combine(suite, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="sharpsan-local" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        string project = Path.Combine(suite, testProject);
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>",
            "  <ItemGroup>\n    <PackageReference Include=\"SharpSan.MSBuild\" Version=\"0.1.0\" />\n  </ItemGroup>\n</Project>"));
        var environment = LocalPackages.IsolatedNuGet(work);
        environment["SHARPSAN_CACHE"] = Path.Combine(work, "cache");
        return (work, suite, environment);
    }

    [Fact]
    public async Task MSBuildPackage_DotnetTestWithSanitizeProperty_RunsTheSuiteUnderSharpSan()
    {
        var (_, suite, environment) = await SuiteWithMSBuildPackage("XunitSuite", Path.Combine("Buffers.Tests", "Buffers.Tests.csproj"));

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

    /// <summary>
    /// An xunit.v3 (Microsoft.Testing.Platform) project, in both ways `dotnet test` drives one on the .NET 10 SDK: VSTest
    /// mode runs its VSTest target; Microsoft.Testing.Platform mode (global.json) starts the app itself from
    /// RunCommand/RunArguments and takes its results over a pipe. Both must run it under SharpSan and fail the buggy test;
    /// MSBuild's own -t:Test would run it unsanitized, so it must stop with an error instead.
    /// </summary>
    [Fact]
    public async Task MSBuildPackage_OnAMicrosoftTestingPlatformProject_RunsUnderSharpSanInBothDotnetTestModes_AndRefusesAnUnsanitizedRun()
    {
        var (_, suite, environment) = await SuiteWithMSBuildPackage("MtpSuite", Path.Combine("Checksums.Tests", "Checksums.Tests.csproj"));
        string project = Path.Combine(suite, "Checksums.Tests");
        string results = Path.Combine(project, "sharpsan-results");
        void AssertFoundTheOverflow(ProcessResult run, string output)
        {
            Assert.True(run.ExitCode != 0, run.ToString());
            Assert.Matches(@"(?m)^\s+heap-buffer-overflow\s+\S*Adler32Tests\.cs:\d+\s+Adler32Tests\.OfWikipedia\s+1$", output);
            Assert.True(File.Exists(Path.Combine(results, "sharpsan.sarif")), run.ToString());
            Directory.Delete(results, recursive: true);
        }

        // VSTest mode runs such a project only with TestingPlatformDotnetTestSupport, whose own VSTest target ours must beat.
        var vstestMode = await ProcessRunner.RunAsync(ProcessRunner.Dotnet,
            ["test", project, "-p:Sanitize=address", "-p:TestingPlatformDotnetTestSupport=true", "-nodeReuse:false"], environment, TimeSpan.FromMinutes(5), suite);
        string vstestOutput = vstestMode.StdOut + vstestMode.StdErr;
        Assert.Contains("Checksums.Tests.Adler32Tests.OfWikipedia [FAIL]", vstestOutput);
        Assert.Matches(@"Total: 2, Errors: 0, Failed: 1", vstestOutput);
        AssertFoundTheOverflow(vstestMode, vstestOutput);

        File.WriteAllText(Path.Combine(suite, "global.json"), """{ "test": { "runner": "Microsoft.Testing.Platform" } }""");
        // Unsanitized, only the clean test (the overflow writes past a native block); the package stays out of the way.
        var plain = await ProcessRunner.RunAsync(ProcessRunner.Dotnet, ["test", "--project", project, "--filter-method", "Checksums.Tests.Adler32Tests.OfOneByte"], environment, TimeSpan.FromMinutes(5), suite);
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Matches(@"total: 1\s+failed: 0\s+succeeded: 1", plain.StdOut + plain.StdErr);
        Assert.DoesNotContain("sharpsan: ", plain.StdOut + plain.StdErr);
        Assert.False(Directory.Exists(results), plain.ToString());

        var platformMode = await ProcessRunner.RunAsync(ProcessRunner.Dotnet, ["test", "--project", project, "-p:Sanitize=address"], environment, TimeSpan.FromMinutes(5), suite);
        string platformOutput = platformMode.StdOut + platformMode.StdErr;
        Assert.Contains("failed Checksums.Tests.Adler32Tests.OfWikipedia", platformOutput);   // reported to dotnet test over its pipe
        Assert.Matches(@"total: 2\s+failed: 1\s+succeeded: 1", platformOutput);
        Assert.Contains("SharpSan.Runtime.SanitizerFindingException", platformOutput);
        AssertFoundTheOverflow(platformMode, platformOutput);

        var msbuildTest = await ProcessRunner.RunAsync(ProcessRunner.Dotnet, ["build", project, "-t:Test", "-p:Sanitize=address", "-nodeReuse:false"], environment, TimeSpan.FromMinutes(5), suite);
        Assert.True(msbuildTest.ExitCode != 0, msbuildTest.ToString());
        Assert.Contains("error SHARPSAN002: Sanitize=address is set, but Checksums.Tests's tests were about to run unsanitized", msbuildTest.StdOut + msbuildTest.StdErr);
        Assert.False(Directory.Exists(results), msbuildTest.ToString());
    }
}
