using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Common.Testing;

/// <summary>
/// What a test checks when it ends (the rewriter's TestEndPass picks them per mode; the values are its contract):
/// findings its child processes wrote for it, guarded faults still pending for it (guard mode keeps no shadow stack),
/// and native findings raised in a call into native code that no checked code returned from (a package's own P/Invoke).
/// </summary>
[Flags]
public enum TestEndChecks
{
    ChildFindings = 1,
    GuardFaults = 2,
    NativeFindings = 4,
}

/// <summary>
/// Called by rewritten test methods when they end: a synchronous test before each return (its frame still on the
/// stack), an async test (returning Task or ValueTask) when the task it returned completes — named when it returns its
/// task, since no stack holds it afterwards. Each check fails the test with the first finding it charges; free while
/// nothing is pending; never throws anything but the finding.
/// </summary>
public static class TestEnd
{
    const string Site = "TestEnd.ReturningTask";

    /// <summary>A synchronous test returns (<paramref name="checks"/> is a constant at each call site, so the JIT drops the others).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    [System.Diagnostics.StackTraceHidden]
    public static void Returning(int checks)
    {
        if ((checks & (int)TestEndChecks.ChildFindings) != 0) Testing.ChildFindings.AtTestEnd();
        if ((checks & (int)TestEndChecks.NativeFindings) != 0) NativeAsan.NativeCallFailures.AfterNativeCall();
        if ((checks & (int)TestEndChecks.GuardFaults) != 0) TestAttribution.ThrowPendingFailureOnRealStack();
    }

    /// <summary>An async test returned its task: the checks run when it completes successfully.</summary>
    public static Task ReturningTask(Task task, int checks) => NameOfReturningTest() is { } test ? CheckAfter(task, test, checks) : task;

    /// <summary>An async test returned its ValueTask: the checks run when it completes successfully.</summary>
    public static ValueTask ReturningValueTask(ValueTask task, int checks) =>
        NameOfReturningTest() is { } test ? new ValueTask(CheckAfter(task.AsTask(), test, checks)) : task;

    static string? NameOfReturningTest()
    {
        try
        {
            InternalErrors.Inject(Site);
            if (!TestAttribution.Enabled) return null;
            return TestAttribution.CurrentTest() ?? TestFrames.OutermostTestOnRealStack();
        }
        catch (Exception e) when (InternalErrors.Contain(Site, e))
        {
            return null;   // the test runs unchanged; what it leaves pending stays outside tests
        }
    }

    static async Task CheckAfter(Task task, string test, int checks)
    {
        await task;
        if ((checks & (int)TestEndChecks.ChildFindings) != 0) Testing.ChildFindings.AtEndOf(test);
        if ((checks & (int)TestEndChecks.NativeFindings) != 0) NativeAsan.NativeCallFailures.AtEndOf(test);
        if ((checks & (int)TestEndChecks.GuardFaults) != 0) TestAttribution.ThrowPendingFailureOf(test);
    }
}
