using SharpSan.Integration.Tests.Infrastructure;

namespace SharpSan.Integration.Tests;

/// <summary>
/// `--sanitize thread` on a real thread-safe package: Microsoft.IO.RecyclableMemoryStream 3.0.1 (its pools are
/// ConcurrentStacks, its counters Interlocked, its options shared by every thread), instrumented with --include and
/// driven by four threads. A correct program through a correct package must produce no report at all.
/// </summary>
public sealed class ThreadSanitizerTests
{
    const string App = "ThreadSafe";
    const string Streams = "Microsoft.IO.RecyclableMemoryStream.dll";

    [Fact]
    public async Task Run_FourThreadsThroughRecyclableMemoryStream_NoRaceReported()
    {
        string app = await AppBuilder.BuildAsync(App);
        string dll = Path.Combine(app, App + ".dll");
        var plain = await SharpSanCli.RunDirect(dll);
        Assert.True(plain.ExitCode == 0 && plain.StdOut.Contains("threadsafe: ok"), $"the app itself is broken:\n{plain}");

        var result = await SharpSanCli.Run(TestPaths.NewDirectory("cache"), dll, sharpsanArgs: ["--sanitize", "thread", "--include", Streams]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("ThreadSanitizer", result.StdErr);
        Reports.AssertClean(result);
        Reports.AssertInstrumented(result, Streams);
        Assert.Equal(plain.StdOut, result.StdOut);
    }
}
