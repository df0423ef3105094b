using System.Diagnostics;

namespace SharpSan.Cli.Testing;

/// <summary>Runs an instrumented test assembly the way its runner expects, with the options `sharpsan test` needs.</summary>
internal static class TestHost
{
    const string ShutdownTimeout = "VSTEST_TESTHOST_SHUTDOWN_TIMEOUT";

    /// <summary>
    /// VSTest: <c>dotnet test &lt;dll&gt; [extra]</c>; Microsoft.Testing.Platform: <c>dotnet &lt;dll&gt; [extra]</c> (the test
    /// assembly is its own runner, which is also what <c>dotnet test</c> launches in that mode). SHARPSAN_OPTIONS is the
    /// user's, then halt_on_error=0 (a finding fails its test, the others run on), fail_tests=1 and results_dir.
    /// </summary>
    /// <returns>The runner's exit code: 0 when every test ran and passed.</returns>
    public static int Run(TestRunner runner, string assembly, IEnumerable<string> extra, string userOptions, string findingsDir)
    {
        var start = new ProcessStartInfo(DotnetHost.Path) { UseShellExecute = false };
        if (runner == TestRunner.VSTest) start.ArgumentList.Add("test");
        start.ArgumentList.Add(assembly);
        foreach (var a in extra) start.ArgumentList.Add(a);
        string ours = $"halt_on_error=0:fail_tests=1:results_dir={findingsDir}";
        start.Environment["SHARPSAN_OPTIONS"] = userOptions.Length > 0 ? userOptions + ":" + ours : ours;
        // VSTest kills a test host 100 ms after the session ends, which cuts the exit-time checks (leaks) short; a
        // host with nothing left to do still exits at once.
        if (Environment.GetEnvironmentVariable(ShutdownTimeout) is null) start.Environment[ShutdownTimeout] = "60000";
        using var ticker = new FindingTicker(findingsDir);
        using var child = Process.Start(start)!;
        child.WaitForExit();
        return child.ExitCode;
    }
}
