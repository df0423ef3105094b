using System.Diagnostics;

namespace SharpSan.Cli.Testing;

/// <summary>Runs an instrumented test assembly the way its runner expects, with the options `sharpsan test` needs.</summary>
internal static class TestHost
{
    const string ShutdownTimeout = "VSTEST_TESTHOST_SHUTDOWN_TIMEOUT";

    /// <summary>VSTest's console logger at the verbosity that prints a line per test (the default prints failures only).</summary>
    static readonly string[] s_oneLinePerTest = ["--logger", "console;verbosity=normal"];

    /// <summary>
    /// VSTest: <c>dotnet test &lt;dll&gt; [extra]</c>; Microsoft.Testing.Platform: <c>dotnet &lt;dll&gt; [extra]</c> (the test
    /// assembly is its own runner, which is also what <c>dotnet test</c> launches in that mode). SHARPSAN_OPTIONS is the
    /// user's, then halt_on_error=0 (a finding fails its test, the others run on), fail_tests=1 and results_dir.
    /// With a plain view the runner writes straight to our stdout/stderr; with a live one its lines go through the view
    /// (above the status line) and its per-test lines feed the counts.
    /// </summary>
    /// <returns>The runner's exit code: 0 when every test ran and passed.</returns>
    public static int Run(TestRunner runner, string assembly, IReadOnlyList<string> extra, string userOptions, string findingsDir, ProgressView view, string name,
        Action<ProcessStartInfo> prepare)
    {
        var start = new ProcessStartInfo(DotnetHost.Path) { UseShellExecute = false };
        if (runner == TestRunner.VSTest) start.ArgumentList.Add("test");
        start.ArgumentList.Add(assembly);
        foreach (var a in extra) start.ArgumentList.Add(a);
        // Passed tests are counted from the console logger's lines but not shown: the user's output stays what the
        // default verbosity prints. A console logger the user chose is left alone, and shown in full.
        bool hidePassedLines = view.IsLive && runner == TestRunner.VSTest && !ChoosesConsoleLogger(extra);
        if (hidePassedLines) foreach (var a in s_oneLinePerTest) start.ArgumentList.Add(a);
        string ours = $"halt_on_error=0:fail_tests=1:results_dir={findingsDir}";
        start.Environment["SHARPSAN_OPTIONS"] = userOptions.Length > 0 ? userOptions + ":" + ours : ours;
        // VSTest kills a test host 100 ms after the session ends, which cuts the exit-time checks (leaks) short; a
        // host with nothing left to do still exits at once.
        if (Environment.GetEnvironmentVariable(ShutdownTimeout) is null) start.Environment[ShutdownTimeout] = "60000";
        start.RedirectStandardOutput = start.RedirectStandardError = view.IsLive;
        prepare(start);

        view.TestsStarted(name);
        using var ticker = new FindingTicker(findingsDir, view);
        using var child = Process.Start(start)!;
        if (view.IsLive)
        {
            var pumps = new[] { Pump(child.StandardOutput, fromStandardError: false), Pump(child.StandardError, fromStandardError: true) };
            child.WaitForExit();
            Task.WaitAll(pumps);
        }
        else
        {
            child.WaitForExit();
        }
        ticker.Finish();
        view.Clear();
        return child.ExitCode;

        Task Pump(StreamReader reader, bool fromStandardError) => Task.Factory.StartNew(() =>
        {
            while (reader.ReadLine() is { } line)
            {
                var outcome = TestOutcomeLines.Parse(runner, line);
                if (outcome is { } o) view.Count(o);
                else if (TestOutcomeLines.ParseTotals(runner, line) is { } totals) view.SetCounts(totals.Passed, totals.Failed, totals.Skipped);
                if (hidePassedLines && outcome == TestOutcome.Passed) continue;
                view.RunnerLine(line, fromStandardError);
            }
        }, TaskCreationOptions.LongRunning);
    }

    static bool ChoosesConsoleLogger(IReadOnlyList<string> extra)
    {
        for (int i = 0; i < extra.Count; i++)
        {
            string a = extra[i];
            if (a.StartsWith("--logger:console", StringComparison.OrdinalIgnoreCase) || a.StartsWith("-l:console", StringComparison.OrdinalIgnoreCase)) return true;
            if (a is "--logger" or "-l" && i + 1 < extra.Count && extra[i + 1].StartsWith("console", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
