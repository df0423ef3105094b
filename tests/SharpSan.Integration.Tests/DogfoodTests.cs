using SharpSan.Integration.Tests.Infrastructure;

namespace SharpSan.Integration.Tests;

/// <summary>
/// SharpSan checks itself: the CLI, the rewriter, Mono.Cecil and System.CommandLine are instrumented (thousands of
/// methods of real, unsafe-heavy, generic, exception-heavy code) and the instrumented tool is used to instrument an
/// app. It must report nothing and write byte-for-byte the same assembly as the uninstrumented tool.
/// </summary>
public sealed class DogfoodTests
{
    [Fact]
    public async Task InstrumentedSharpSan_InstrumentsAnApp_ExactlyLikeThePlainOne_WithoutReports()
    {
        string app = await AppBuilder.BuildAsync("Basic");
        string tool = Path.GetDirectoryName(TestPaths.SharpSanDll)!;
        string instrumentedTool = TestPaths.NewDirectory("dogfood-tool", create: false);
        var selfCheck = await SharpSanCli.Instrument(TestPaths.SharpSanDll, instrumentedTool,
            "--include", "sharpsan.dll", "--include", "SharpSan.Instrumentation.dll", "--include", "Mono.Cecil*.dll",
            "--include", "System.CommandLine.dll", "--exclude", "SharpSan.Runtime.dll");
        Assert.True(selfCheck.ExitCode == 0, selfCheck.ToString());
        foreach (var name in new[] { "Mono.Cecil.dll", "SharpSan.Instrumentation.dll", "System.CommandLine.dll" })
            Assert.Matches($@"(?m)^\s*instrumented\s+{System.Text.RegularExpressions.Regex.Escape(name)}: \d+ methods", selfCheck.StdErr);
        Assert.True(Directory.Exists(tool));

        string byPlain = TestPaths.NewDirectory("dogfood-plain", create: false);
        string byInstrumented = TestPaths.NewDirectory("dogfood-checked", create: false);
        var plain = await SharpSanCli.Instrument(Path.Combine(app, "Basic.dll"), byPlain);
        var checkedRun = await ProcessRunner.RunAsync(ProcessRunner.Dotnet,
            [Path.Combine(instrumentedTool, "sharpsan.dll"), "instrument", Path.Combine(app, "Basic.dll"), "--output", byInstrumented]);

        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.True(checkedRun.ExitCode == 0, checkedRun.ToString());
        Assert.DoesNotContain("Sanitizer", checkedRun.StdErr);
        Assert.Equal(File.ReadAllBytes(Path.Combine(byPlain, "Basic.dll")), File.ReadAllBytes(Path.Combine(byInstrumented, "Basic.dll")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(byPlain, "Basic.pdb")), File.ReadAllBytes(Path.Combine(byInstrumented, "Basic.pdb")));
    }

    /// <summary>
    /// ThreadSanitizer on SharpSan itself: the CLI instrumented with --sanitize thread runs `sharpsan test` on a sample
    /// suite — a build, output pumping of child processes, a timer thread polling for findings beside the main thread —
    /// and must report no race while it still finds the suite's memory bugs (the suite runs under address, as usual).
    /// </summary>
    [Fact]
    public async Task ThreadCheckedSharpSan_TestsASuite_WithoutRaceReports()
    {
        string instrumentedTool = TestPaths.NewDirectory("dogfood-thread-tool", create: false);
        var selfCheck = await SharpSanCli.Instrument(TestPaths.SharpSanDll, instrumentedTool, "--sanitize", "thread",
            "--include", "sharpsan.dll", "--include", "SharpSan.Instrumentation.dll", "--include", "Mono.Cecil*.dll",
            "--include", "System.CommandLine.dll", "--exclude", "SharpSan.Runtime.dll");
        Assert.True(selfCheck.ExitCode == 0, selfCheck.ToString());
        Assert.Matches(@"(?m)^\s*instrumented\s+sharpsan\.dll: \d+ methods", selfCheck.StdErr);

        string suite = TestSuites.Copy("XunitSuite");
        var run = await ProcessRunner.RunAsync(ProcessRunner.Dotnet,
            [Path.Combine(instrumentedTool, "sharpsan.dll"), "test", suite, "--results", Path.Combine(suite, "out")],
            new Dictionary<string, string?> { ["SHARPSAN_CACHE"] = TestPaths.NewDirectory("cache"), ["SHARPSAN_OPTIONS"] = "race_stats=1" },
            TimeSpan.FromMinutes(5));

        Assert.True(run.ExitCode == 1, run.ToString());   // the suite's own bugs fail four tests
        Assert.Matches(@"Failed:\s+4, Passed:\s+3", run.StdOut + run.StdErr);
        // The checks really ran (the tool's own statistics line), and found nothing.
        Assert.Matches(@"ThreadSanitizer: stats: accesses=[1-9]\d{3,}", run.StdErr);
        Assert.DoesNotContain("WARNING: ThreadSanitizer", run.StdOut + run.StdErr);
    }
}
