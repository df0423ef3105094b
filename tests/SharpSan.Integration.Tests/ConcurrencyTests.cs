using System.Text.RegularExpressions;
using SharpSan.Integration.Tests.Infrastructure;

namespace SharpSan.Integration.Tests;

/// <summary>
/// Eight threads allocating and freeing native memory at once (NativeMemory and Marshal.*HGlobal, sizes 1..4096,
/// 50,000 operations each): the allocator, shadow and quarantine must be thread-safe (no report, same results as
/// a plain run), and a double free on a worker thread must be reported once, naming that thread and the line.
/// </summary>
public sealed class ConcurrencyTests
{
    const string App = "Concurrency";
    static readonly TimeSpan s_limit = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task EightThreadsAllocatingConcurrently_NoReport_SameTotalsAsPlainRun()
    {
        string dll = Path.Combine(await AppBuilder.BuildAsync(App), App + ".dll");
        var plain = await SharpSanCli.RunDirect(dll);
        Assert.True(plain.ExitCode == 0, $"the app itself is broken:\n{plain}");

        var result = await SharpSanCli.Run(TestPaths.NewDirectory("cache"), dll, timeout: s_limit);

        Assert.True(result.ExitCode == 0, result.ToString());
        Reports.AssertClean(result);
        Assert.Contains("concurrency: ok", result.StdOut);
        var total = Regex.Match(result.StdOut, @"total: ops=(\d+) allocs=(\d+) frees=(\d+) bytes=\d+ checksum=\d+ mismatches=(\d+)");
        Assert.True(total.Success, result.ToString());
        Assert.Equal("400000", total.Groups[1].Value);
        Assert.Equal(total.Groups[2].Value, total.Groups[3].Value);
        Assert.Equal("0", total.Groups[4].Value);
        Assert.Equal(8, Regex.Matches(result.StdOut, @"^worker \d: allocs=\d+ frees=\d+ .* mismatches=0$", RegexOptions.Multiline).Count);
        // Per-thread seeds make every count, byte total and checksum deterministic.
        Assert.Equal(plain.StdOut, result.StdOut);
    }

    [Fact]
    public async Task WorkerFreesABlockTwiceAfterTheOthersFinish_OneDoubleFreeNamingThatThread()
    {
        string dll = Path.Combine(await AppBuilder.BuildAsync(App), App + ".dll");
        int bugLine = TestPaths.MarkerLine(App, "BUG-LINE");
        int firstFreeLine = TestPaths.MarkerLine(App, "FIRST-FREE");
        int allocLine = TestPaths.MarkerLine(App, "VICTIM-ALLOC");

        var result = await SharpSanCli.Run(TestPaths.NewDirectory("cache"), dll, ["doublefree"], timeout: s_limit);

        Assert.True(result.ExitCode == 1, result.ToString());
        string where = Reports.AssertSingle(result, "double-free");
        Assert.Matches($@"/Concurrency/Program\.cs:{bugLine} in ConcurrencyApp\.Program\.Worker\(int, ConcurrencyApp\.Program\.Totals, bool\)$", where);

        var headline = Regex.Match(result.StdErr, @"ERROR: AddressSanitizer: attempting double-free on 0x[0-9a-f]+ in thread T(\d+):");
        Assert.True(headline.Success, result.ToString());
        int tid = int.Parse(headline.Groups[1].Value);
        Assert.True(tid > 0, $"the double free happened on a worker thread, not T0:\n{result}");
        Assert.True(tid <= 8, $"there are only 8 worker threads:\n{result}");

        string freeStack = Reports.Section(result.StdErr, "ERROR: AddressSanitizer: attempting double-free");
        Assert.Matches(@"(?m)^    #0 0x[0-9a-f]+ in System\.Runtime\.InteropServices\.Marshal\.FreeHGlobal\(nint\)$", freeStack);
        Assert.Matches($@"(?m)^    #1 0x[0-9a-f]+ in ConcurrencyApp\.Program\.Worker\(.*\) \S+/Concurrency/Program\.cs:{bugLine}$", freeStack);
        string firstFree = Reports.Section(result.StdErr, $"freed by thread T{tid} here:");
        Assert.Contains("Marshal.FreeHGlobal", firstFree);
        Assert.Matches($@"(?m)/Concurrency/Program\.cs:{firstFreeLine}$", firstFree);
        string allocation = Reports.Section(result.StdErr, $"previously allocated by thread T{tid} here:");
        Assert.Contains("Marshal.AllocHGlobal", allocation);
        Assert.Matches($@"(?m)/Concurrency/Program\.cs:{allocLine}$", allocation);
        Assert.DoesNotContain("concurrency: ok", result.StdOut);
    }
}
