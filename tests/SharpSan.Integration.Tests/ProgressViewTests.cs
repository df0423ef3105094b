using System.Text.RegularExpressions;
using SharpSan.Cli.Testing;
using SharpSan.Integration.Tests.Infrastructure;

namespace SharpSan.Integration.Tests;

/// <summary>
/// `sharpsan test`'s progress: on a terminal a status line rewritten in place (phase, test counts, findings so far)
/// with the runner's output and the finding lines above it; in CI and redirected output, plain lines only. The
/// rendering is checked on string writers, then the whole command under a pseudo-terminal (`script`).
/// </summary>
public sealed class ProgressViewTests
{
    const string Erase = "\r\u001b[K";

    static (ProgressView View, StringWriter Output, StringWriter Error) NewView(bool live, int width = 200)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        return (new ProgressView(output, error, live, () => width), output, error);
    }

    [Fact]
    public void Plain_PrintsPhasesAndFindingsAsLines_PassesRunnerOutputThrough_AndNeverAnEscapeCode()
    {
        var (view, output, error) = NewView(live: false);

        view.Phase("building suite");
        view.TestsStarted("Buffers.Tests");
        view.RunnerLine("  Failed Buffers.Tests.BufferTests.Scratch_DisposedTwice [5 ms]", fromStandardError: false);
        view.Count(TestOutcome.Failed);
        view.Finding("sharpsan: finding #1: pool-double-return at Scratch.cs:14 in Buffers.Tests.BufferTests.Scratch_DisposedTwice");
        view.Clear();

        Assert.Equal("sharpsan: building suite\nsharpsan: finding #1: pool-double-return at Scratch.cs:14 in Buffers.Tests.BufferTests.Scratch_DisposedTwice\n",
            error.ToString().ReplaceLineEndings("\n"));
        Assert.Equal("  Failed Buffers.Tests.BufferTests.Scratch_DisposedTwice [5 ms]\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Live_RewritesOneStatusLine_WithCountsAndFindingsSoFar_AndPrintsOtherLinesAboveIt()
    {
        var (view, output, error) = NewView(live: true);

        view.Phase("building suite");
        Assert.Equal(Erase + "sharpsan: building suite", error.ToString());

        view.TestsStarted("Buffers.Tests");
        view.Count(TestOutcome.Passed);
        view.Count(TestOutcome.Passed);
        view.Count(TestOutcome.Skipped);
        view.Finding("sharpsan: finding #1: heap-buffer-overflow at NativeBuffer.cs:26 in Buffers.Tests.BufferTests.FillWithTerminator_WritesOnePastTheEnd");
        view.Count(TestOutcome.Failed);
        string status = "sharpsan: testing Buffers.Tests: 2 passed, 1 failed, 1 skipped, 1 finding so far";
        Assert.Equal(status, view.StatusText());
        Assert.EndsWith(Erase + status, error.ToString());
        // The finding line was printed on a clean line (status erased first) and the status drawn again below it.
        Assert.Contains(Erase + "sharpsan: finding #1: heap-buffer-overflow at NativeBuffer.cs:26 in Buffers.Tests.BufferTests.FillWithTerminator_WritesOnePastTheEnd" + Environment.NewLine
            + Erase + "sharpsan: testing Buffers.Tests: 2 passed, 0 failed, 1 skipped, 1 finding so far", error.ToString());

        int before = error.ToString().Length;
        view.RunnerLine("Test run for Buffers.Tests.dll", fromStandardError: false);
        Assert.Equal("Test run for Buffers.Tests.dll" + Environment.NewLine, output.ToString());
        Assert.Equal(Erase + Erase + status, error.ToString()[before..]);   // erased before the stdout line, drawn after

        view.Clear();
        Assert.EndsWith(status + Erase, error.ToString());   // nothing left on the line for the summary that follows
    }

    [Fact]
    public void Live_StatusLongerThanTheTerminal_IsCutToFit()
    {
        var (view, _, error) = NewView(live: true, width: 30);

        view.Phase("instrumenting A.Very.Long.Assembly.Name.That.Would.Wrap.dll");

        string drawn = error.ToString()[Erase.Length..];
        Assert.Equal(29, drawn.Length);
        Assert.StartsWith("sharpsan: instrumenting A.Ve", drawn);
        Assert.EndsWith("…", drawn);
    }

    [Theory]
    [InlineData("VSTest", "  Passed Buffers.Tests.BufferTests.Fill_SumsEveryByte [3 ms]", "Passed")]
    [InlineData("VSTest", "  Failed Buffers.Tests.BufferTests.FillWithTerminator_ForSeveralLengths(length: 8) [12 ms]", "Failed")]
    [InlineData("VSTest", "  Skipped Buffers.Tests.BufferTests.Later [1 ms]", "Skipped")]
    [InlineData("VSTest", "[xUnit.net 00:00:00.51]     Buffers.Tests.BufferTests.Scratch_DisposedTwice [FAIL]", null)]   // the adapter's echo: counted once, from VSTest's line
    [InlineData("VSTest", "Failed!  - Failed:     4, Passed:     3, Skipped:     0, Total:     7, Duration: 1 s - Buffers.Tests.dll (net10.0)", null)]
    [InlineData("TestingPlatform", "\u001b[0m\u001b[37m    Checksums.Tests.Adler32Tests.OfWikipedia [FAIL]", "Failed")]
    [InlineData("TestingPlatform", "    Checksums.Tests.Adler32Tests.Later [SKIP]", "Skipped")]
    [InlineData("TestingPlatform", "failed Checksums.Tests.Adler32Tests.OfWikipedia (103ms)", "Failed")]
    [InlineData("TestingPlatform", "passed Checksums.Tests.Adler32Tests.OfOneByte (2ms)", "Passed")]
    [InlineData("TestingPlatform", "   Checksums.Tests  Total: 2, Errors: 0, Failed: 1, Skipped: 0, Not Run: 0, Time: 0.463s", null)]
    public void TestOutcomeLines_RecogniseEachRunnersPerTestLine_AndNothingElse(string runner, string line, string? expected) =>
        Assert.Equal(expected, TestOutcomeLines.Parse(Enum.Parse<TestRunner>(runner), line)?.ToString());

    [Theory]
    [InlineData("TestingPlatform", "\u001b[37m   Checksums.Tests  Total: 2, Errors: 0, Failed: 1, Skipped: 0, Not Run: 0, Time: 0.463s", "(1, 1, 0)")]
    [InlineData("TestingPlatform", "   Big.Tests  Total: 10, Errors: 0, Failed: 2, Skipped: 3, Not Run: 1, Time: 1.2s", "(4, 2, 3)")]
    [InlineData("VSTest", "   Checksums.Tests  Total: 2, Errors: 0, Failed: 1, Skipped: 0, Not Run: 0, Time: 0.463s", null)]
    [InlineData("TestingPlatform", "    Checksums.Tests.Adler32Tests.OfWikipedia [FAIL]", null)]
    public void TestOutcomeLines_ReadXunitsSummaryTotals_PassedBeingWhatIsNeitherFailedSkippedNorNotRun(string runner, string line, string? expected) =>
        Assert.Equal(expected, TestOutcomeLines.ParseTotals(Enum.Parse<TestRunner>(runner), line)?.ToString());

    [Fact]
    public void Live_SummaryTotals_ReplaceTheCountsSoFar()
    {
        var (view, _, error) = NewView(live: true);
        view.TestsStarted("Checksums.Tests");
        view.Count(TestOutcome.Failed);

        view.SetCounts(passed: 1, failed: 1, skipped: 0);

        Assert.EndsWith(Erase + "sharpsan: testing Checksums.Tests: 1 passed, 1 failed, 0 skipped, 0 findings so far", error.ToString());
    }

    /// <summary>`script -qec` gives the CLI a pseudo-terminal; its output (both streams) comes back on script's stdout.</summary>
    static Task<ProcessResult> UnderATerminal(string cache, params string[] sharpsanArguments)
    {
        string command = string.Join(" ", new[] { ProcessRunner.Dotnet, TestPaths.SharpSanDll }.Concat(sharpsanArguments).Select(a => $"'{a}'"));
        return ProcessRunner.RunAsync("script", ["-qec", $"stty cols 200 rows 50; {command}", "/dev/null"],
            new Dictionary<string, string?> { ["SHARPSAN_CACHE"] = cache, ["CI"] = null, ["TF_BUILD"] = null, ["GITHUB_ACTIONS"] = null, ["TERM"] = "xterm" },
            TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task SharpSanTest_OnATerminal_ShowsLiveCountsAndFindings_AndWithProgressPlain_OnlyPlainLines()
    {
        Assert.True(File.Exists("/usr/bin/script") || File.Exists("/bin/script"), "this test needs util-linux's script for a pseudo-terminal");
        string suite = TestSuites.Copy("XunitSuite");
        string cache = TestPaths.NewDirectory("cache");

        var live = await UnderATerminal(cache, "test", suite, "--results", Path.Combine(suite, "out"));
        string screen = live.StdOut;

        Assert.True(live.ExitCode == 1, live.ToString());
        var statuses = Regex.Matches(screen, @"\r\u001b\[Ksharpsan: testing Buffers\.Tests: (\d+) passed, (\d+) failed, (\d+) skipped, (\d+) findings? so far")
            .Select(m => (Passed: int.Parse(m.Groups[1].Value), Failed: int.Parse(m.Groups[2].Value), Findings: int.Parse(m.Groups[4].Value))).ToList();
        Assert.True(statuses.Count > 2, live.ToString());
        Assert.Equal((0, 0, 0), statuses[0]);                 // drawn when the run starts…
        Assert.Equal((3, 4, 2), statuses[^1]);               // …and counted up to what VSTest's own summary says
        Assert.Matches(@"Passed:\s+3\b", screen);
        Assert.Matches(@"Failed:\s+4\b", screen);
        for (int i = 1; i < statuses.Count; i++)
            Assert.True(statuses[i].Passed >= statuses[i - 1].Passed && statuses[i].Failed >= statuses[i - 1].Failed && statuses[i].Findings >= statuses[i - 1].Findings);
        // Findings and the runner's failures are printed above the status line, each on a clean line; passed tests,
        // which VSTest's default verbosity does not list, are counted but not shown.
        Assert.Matches(@"\r\u001b\[Ksharpsan: finding #1: ", screen);
        Assert.Contains("Failed Buffers.Tests.BufferTests.Scratch_DisposedTwice [", screen);
        Assert.DoesNotContain("Passed Buffers.Tests.BufferTests.", screen);
        Assert.Matches(@"(?m)^\s+pool-double-return\s+Buffers/Scratch\.cs:\d+\s+BufferTests\.Scratch_DisposedTwice\s+1\r?$", screen);

        var plain = await UnderATerminal(cache, "test", suite, "--no-build", "--progress", "plain", "--results", Path.Combine(suite, "out-plain"));
        Assert.True(plain.ExitCode == 1, plain.ToString());
        Assert.DoesNotContain("\u001b[Ksharpsan:", plain.StdOut);
        Assert.DoesNotContain("sharpsan: testing", plain.StdOut);
        Assert.Contains("sharpsan: finding #1: ", plain.StdOut);   // (VSTest's own terminal codes may precede it on the line)
        Assert.Matches(@"Failed:\s+4, Passed:\s+3", plain.StdOut);
    }
}
