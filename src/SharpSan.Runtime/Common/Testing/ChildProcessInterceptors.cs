using System.Diagnostics;

namespace SharpSan.Runtime.Common.Testing;

/// <summary>
/// Ties a child process's findings to the test that started it (`sharpsan test`): Process.Start in checked code puts
/// the running test's name into the child's environment (<see cref="ChildFindings.ParentTestVariable"/>), and waiting
/// for a child's exit charges the findings its process tree raised for this test and fails the test with the first one,
/// as a test waiting for its worker threads does (<see cref="TestAttribution.ThrowPendingFailure"/>). The same in every
/// mode: guard keeps no shadow stack, so the test is then looked up on the real stack (a child starts rarely).
/// </summary>
public static class ChildProcessInterceptors
{
    const string Target = "System.Diagnostics.Process";
    const string Modes = "address,thread,guard";

    [Intercepts(Target, "Start", Sanitizer = Modes)]
    public static Process? Start(ProcessStartInfo startInfo)
    {
        ChildFindings.MarkParentTest(startInfo);
        return Process.Start(startInfo);
    }

    [Intercepts(Target, "Start", Sanitizer = Modes)]
    public static Process Start(string fileName) => Start(new ProcessStartInfo(fileName))!;

    [Intercepts(Target, "Start", Sanitizer = Modes)]
    public static Process Start(string fileName, string arguments) => Start(new ProcessStartInfo(fileName, arguments))!;

    [Intercepts(Target, "Start", Sanitizer = Modes)]
    public static Process Start(string fileName, IEnumerable<string> arguments) => Start(new ProcessStartInfo(fileName, arguments))!;

    [Intercepts(Target, "Start", Instance = true, Sanitizer = Modes)]
    public static bool Start(Process process)
    {
        ChildFindings.MarkParentTest(process.StartInfo);
        return process.Start();
    }

    [Intercepts(Target, "WaitForExit", Instance = true, Sanitizer = Modes)]
    public static void WaitForExit(Process process)
    {
        string? test = ChildFindings.WaitingTest();
        process.WaitForExit();
        ChildFindings.ThrowForTest(test);
    }

    [Intercepts(Target, "WaitForExit", Instance = true, Sanitizer = Modes)]
    public static bool WaitForExit(Process process, int milliseconds)
    {
        string? test = ChildFindings.WaitingTest();
        bool exited = process.WaitForExit(milliseconds);
        if (exited) ChildFindings.ThrowForTest(test);
        return exited;
    }

    [Intercepts(Target, "WaitForExit", Instance = true, Sanitizer = Modes)]
    public static bool WaitForExit(Process process, TimeSpan timeout)
    {
        string? test = ChildFindings.WaitingTest();
        bool exited = process.WaitForExit(timeout);
        if (exited) ChildFindings.ThrowForTest(test);
        return exited;
    }

    [Intercepts(Target, "WaitForExitAsync", Instance = true, Sanitizer = Modes)]
    public static Task WaitForExitAsync(Process process, CancellationToken cancellationToken)
    {
        // Looked up now: after the await the test's own frames are not on the stack of the continuation.
        string? test = ChildFindings.WaitingTest();
        var wait = process.WaitForExitAsync(cancellationToken);
        return test is null ? wait : ThenThrowForTest(wait, test);
    }

    static async Task ThenThrowForTest(Task wait, string test)
    {
        await wait.ConfigureAwait(false);
        ChildFindings.ThrowForTest(test);
    }
}
