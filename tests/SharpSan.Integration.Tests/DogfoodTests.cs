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
}
