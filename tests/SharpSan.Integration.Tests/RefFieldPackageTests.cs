using SharpSan.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SharpSan.Integration.Tests;

/// <summary>
/// CommunityToolkit.HighPerformance 8.4.2 (its net8.0 build, made with C# 11 `ref` fields: Ref&lt;T&gt;, ReadOnlyRef&lt;T&gt;,
/// NullableRef&lt;T&gt;, SpinLockExtensions.Lock, Span2D&lt;T&gt; and their enumerators are ref structs holding refs),
/// instrumented with --include under every sanitizer: every method of the package and of the app must still compile
/// (JitProbe: nothing the JIT refuses that it accepts in the original), and a workload over those APIs must run to the
/// same output with no report. Before ref fields were handled, SpinLockExtensions.Lock's constructor and Dispose were
/// invalid IL under address (InvalidProgramException on the first lock).
/// </summary>
public sealed class RefFieldPackageTests(ITestOutputHelper log)
{
    const string App = "RefFieldsToolkit";
    const string Toolkit = "CommunityToolkit.HighPerformance.dll";

    [Theory]
    [InlineData("address")]
    [InlineData("thread")]
    [InlineData("address,thread")]
    public async Task Instrument_RefFieldPackage_EveryMethodStillCompiles(string sanitize)
    {
        string app = await AppBuilder.BuildAsync(App);
        string output = TestPaths.NewDirectory("reffields-instrumented", create: false);

        var result = await SharpSanCli.Instrument(Path.Combine(app, App + ".dll"), output, "--sanitize", sanitize, "--include", Toolkit);

        Assert.True(result.ExitCode == 0, result.ToString());
        var comparison = await JitProbe.AssertNoNewInvalidPrograms(app, output);
        log.WriteLine(comparison.ToString());
        Assert.Equal([Toolkit, App + ".dll"], comparison.Instrumented.Assemblies.Order(StringComparer.Ordinal));
        // The package alone has over a thousand methods with bodies (generic ones over two instantiations).
        Assert.True(comparison.Instrumented.Prepared > 1000, comparison.ToString());
    }

    [Theory]
    [InlineData("address")]
    [InlineData("thread")]
    [InlineData("address,thread")]
    public async Task Run_RefFieldWorkload_SameOutputAndNoReport(string sanitize)
    {
        string dll = Path.Combine(await AppBuilder.BuildAsync(App), App + ".dll");
        var plain = await SharpSanCli.RunDirect(dll);
        Assert.True(plain.ExitCode == 0 && plain.StdOut.Contains("reffields: ok"), $"the app itself is broken:\n{plain}");

        var result = await SharpSanCli.Run(TestPaths.NewDirectory("cache"), dll, sharpsanArgs: ["--sanitize", sanitize, "--include", Toolkit]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Reports.AssertClean(result);
        Assert.DoesNotContain("ThreadSanitizer", result.StdErr);
        Reports.AssertInstrumented(result, Toolkit);
        Assert.Equal(plain.StdOut, result.StdOut);
    }
}
