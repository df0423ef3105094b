using System.Text.RegularExpressions;
using SharpSan.Integration.Tests.Infrastructure;

namespace SharpSan.Integration.Tests;

/// <summary>
/// Real third-party unsafe code (CommunityToolkit.HighPerformance 7.1.2, Microsoft.IO.RecyclableMemoryStream 3.0.1),
/// instrumented with --include: a realistic workload must run clean (0 false positives), and a bug in the app's
/// own code next to the packages must be reported once, at the right line.
/// </summary>
public sealed class ThirdPartyTests
{
    const string App = "ThirdParty";
    const string Toolkit = "CommunityToolkit.HighPerformance.dll";
    const string Streams = "Microsoft.IO.RecyclableMemoryStream.dll";
    static readonly string[] s_includePackages = ["--include", Toolkit, "--include", Streams];

    [Fact]
    public async Task Instrument_WithInclude_RewritesBothPackageAssemblies()
    {
        string app = await AppBuilder.BuildAsync(App);
        var before = FolderSnapshot.Take(app);
        string output = TestPaths.NewDirectory("thirdparty-instrumented", create: false);

        var result = await SharpSanCli.Instrument(Path.Combine(app, App + ".dll"), output, s_includePackages);

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var name in new[] { Toolkit, Streams, App + ".dll" })
        {
            var line = Regex.Match(result.StdErr, $@"^\s*instrumented\s+{Regex.Escape(name)}: (\d+) methods, (\d+) checks", RegexOptions.Multiline);
            Assert.True(line.Success, $"no 'instrumented {name}' line:\n{result}");
            Assert.True(int.Parse(line.Groups[1].Value) > 0, $"{name}: no method rewritten:\n{result}");
            Assert.True(int.Parse(line.Groups[2].Value) > 0, $"{name}: no check inserted:\n{result}");
            Assert.Matches(Reports.StampPattern, Reports.AssemblyMetadata(Path.Combine(output, name), "SharpSan.Instrumented") ?? "(no stamp)");
        }
        Assert.DoesNotMatch(@"(?m)^\s*skipped\s", result.StdErr);
        FolderSnapshot.AssertUnchanged(before, app);
    }

    /// <summary>
    /// Every method of both packages and the app still compiles after the rewrite, under every sanitizer: the JIT is
    /// forced over all of them, generic ones over representative instantiations (Infrastructure/JitProbe.cs), and must
    /// refuse nothing it accepts in the original.
    /// </summary>
    [Theory]
    [InlineData("address")]
    [InlineData("thread")]
    [InlineData("address,thread")]
    public async Task Instrument_WithInclude_EveryMethodStillCompiles(string sanitize)
    {
        string app = await AppBuilder.BuildAsync(App);
        string output = TestPaths.NewDirectory("thirdparty-jit", create: false);

        var result = await SharpSanCli.Instrument(Path.Combine(app, App + ".dll"), output, ["--sanitize", sanitize, .. s_includePackages]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var comparison = await JitProbe.AssertNoNewInvalidPrograms(app, output);
        Assert.Equal([Toolkit, Streams, App + ".dll"], comparison.Instrumented.Assemblies);
    }

    [Fact]
    public async Task Instrument_WithoutInclude_LeavesNuGetPackagesAlone()
    {
        string app = await AppBuilder.BuildAsync(App);
        string output = TestPaths.NewDirectory("thirdparty-default", create: false);

        var result = await SharpSanCli.Instrument(Path.Combine(app, App + ".dll"), output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"(?m)^\s*instrumented\s+ThirdParty\.dll:", result.StdErr);
        foreach (var name in new[] { Toolkit, Streams })
        {
            Assert.Null(Reports.AssemblyMetadata(Path.Combine(output, name), "SharpSan.Instrumented"));
            Assert.Equal(File.ReadAllBytes(Path.Combine(app, name)), File.ReadAllBytes(Path.Combine(output, name)));
        }
    }

    [Fact]
    public async Task Run_RealisticWorkloadThroughInstrumentedPackages_NoFalsePositive()
    {
        string app = await AppBuilder.BuildAsync(App);
        string dll = Path.Combine(app, App + ".dll");
        var plain = await SharpSanCli.RunDirect(dll);
        Assert.True(plain.ExitCode == 0 && plain.StdOut.Contains("thirdparty: ok"), $"the app itself is broken:\n{plain}");

        var result = await SharpSanCli.Run(TestPaths.NewDirectory("cache"), dll, sharpsanArgs: s_includePackages);

        Assert.True(result.ExitCode == 0, result.ToString());
        Reports.AssertClean(result);
        Reports.AssertInstrumented(result, Toolkit, Streams);
        Assert.DoesNotContain("MISMATCH", result.StdOut);
        Assert.Matches(@"thirdparty: ok \(\d{6,} operations verified\)", result.StdOut);
        // Instrumentation must not change what the program computes.
        Assert.Equal(plain.StdOut, result.StdOut);
    }

    [Fact]
    public async Task Run_AppOverflowsNativeBufferAfterUsingThePackages_OneHeapBufferOverflowAtTheRightLine()
    {
        string app = await AppBuilder.BuildAsync(App);
        int bugLine = TestPaths.MarkerLine(App, "BUG-LINE");

        var result = await SharpSanCli.Run(TestPaths.NewDirectory("cache"), Path.Combine(app, App + ".dll"), ["overflow"], s_includePackages);

        Assert.True(result.ExitCode == 1, result.ToString());
        string where = Reports.AssertSingle(result, "heap-buffer-overflow");
        Assert.Matches($@"/ThirdParty/Program\.cs:{bugLine} in ThirdPartyApp\.Program\.CopyToNative\(int\)$", where);
        Assert.Contains("WRITE of size 4 at 0x", result.StdErr);
        Assert.Matches($@"^    #0 0x[0-9a-f]+ in ThirdPartyApp\.Program\.CopyToNative\(int\) \S+/ThirdParty/Program\.cs:{bugLine}$", Reports.Frames(result.StdErr, 0)[0]);
        // 37 ints = 148 bytes; the terminator lands right after them.
        Assert.Matches(@"0x[0-9a-f]+ is located 0 bytes to the right of 148-byte region \[0x[0-9a-f]+,0x[0-9a-f]+\)", result.StdErr);
        Assert.Contains("in System.Runtime.InteropServices.NativeMemory.Alloc(nuint, nuint)", result.StdErr);
        // The packages were used correctly: nothing of theirs may show up in the report.
        Assert.DoesNotContain("CommunityToolkit", Reports.Body(result.StdErr));
        // halt_on_error=1 (default): the program stops at the report.
        Assert.DoesNotContain("native copy sum", result.StdOut);
    }

    [Fact]
    public async Task Run_AppGivesThePackageATooSmallNativeBuffer_OverflowReportedInsideTheInstrumentedPackage()
    {
        string app = await AppBuilder.BuildAsync(App);
        int misuseLine = TestPaths.MarkerLine(App, "MISUSE-LINE");

        var result = await SharpSanCli.Run(TestPaths.NewDirectory("cache"), Path.Combine(app, App + ".dll"), ["misuse"], s_includePackages);

        Assert.True(result.ExitCode == 1, result.ToString());
        string where = Reports.AssertSingle(result, "heap-buffer-overflow");
        // The bad access is in the package's code (instrumented; the build does not copy the package's PDB, so
        // IL offsets, but a file:line is as good) ...
        const string PackageLocation = @"(\(CommunityToolkit\.HighPerformance\.dll\+0x[0-9a-f]+\)|\S+\.cs:\d+)";
        Assert.Matches($@"^{PackageLocation} in CommunityToolkit\.HighPerformance\.Span2D<T>\.", where);
        string body = Reports.Body(result.StdErr);
        Assert.Matches($@"(?m)^    #\d+ 0x[0-9a-f]+ in CommunityToolkit\.HighPerformance\.Span2D<T>\.Fill\(T\) {PackageLocation}$", body);
        // ... called from the app's line, and the region is the app's 6 * 7 - 1 ints.
        Assert.Matches($@"(?m)^    #\d+ 0x[0-9a-f]+ in ThirdPartyApp\.Program\.MisuseSpan2D\(int, int\) \S+/ThirdParty/Program\.cs:{misuseLine}$", body);
        Assert.Matches(@"is located 0 bytes to the right of 164-byte region", body);
        Assert.DoesNotContain("thirdparty: filled", result.StdOut);
    }

    [Fact]
    public async Task Run_AppWritesThroughAMemoryOwnerSpanAfterDispose_PoolUseAfterReturnWithThePackagesReturnStack()
    {
        string app = await AppBuilder.BuildAsync(App);
        int staleLine = TestPaths.MarkerLine(App, "STALE-LINE");

        var result = await SharpSanCli.Run(TestPaths.NewDirectory("cache"), Path.Combine(app, App + ".dll"), ["stale"], s_includePackages);

        Assert.True(result.ExitCode == 1, result.ToString());
        string where = Reports.AssertSingle(result, "pool-use-after-return");
        Assert.Matches($@"/ThirdParty/Program\.cs:{staleLine} in ThirdPartyApp\.Program\.WriteAfterDispose\(\)$", where);
        string body = Reports.Body(result.StdErr);
        Assert.Matches(@"is located 3 bytes inside of \d+-byte pooled array .*\(byte\[\d+\], 48 requested\)", body);
        // The array went back to the pool inside the instrumented package: its Return is the checking pool's.
        Assert.Matches(@"(?s)returned to the pool by thread T0 here:\s+#0 [^\n]+ArrayPool<T>\.Return\(T\[\], bool\)\s+#1 [^\n]+CommunityToolkit\.HighPerformance\.Buffers\.MemoryOwner<T>\.Dispose\(\)", body);
        Assert.Matches(@"(?s)previously rented by thread T0 here:.*CommunityToolkit\.HighPerformance\.Buffers\.MemoryOwner<T>", body);
        Assert.DoesNotContain("thirdparty: wrote after dispose", result.StdOut);
    }
}
