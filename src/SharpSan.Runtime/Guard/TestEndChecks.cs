namespace SharpSan.Runtime.Guard;

/// <summary>
/// Called by guard mode's rewritten test methods when they end (see the rewriter's TestEndPass): a guarded fault the
/// test made is charged to it while its thread waits at the faulting access, and fails it here at the latest, also when
/// the test never calls the allocator again. Free while nothing is pending; never throws anything but the finding.
/// </summary>
public static class TestEndChecks
{
    const string Site = "TestEndChecks";

    /// <summary>A synchronous test returns: it is on this thread's stack, so the pending lookup finds it there.</summary>
    [System.Diagnostics.StackTraceHidden]
    public static void AfterTest() => Common.Testing.TestAttribution.ThrowPendingFailureOnRealStack();

    /// <summary>An async test returned its task: the check runs when the task completes (the test is no longer on a stack then, so it is named now).</summary>
    public static Task AfterAsyncTest(Task task)
    {
        string? test;
        try
        {
            Common.InternalErrors.Inject(Site);
            if (!Common.Testing.TestAttribution.Enabled) return task;
            test = Common.Testing.TestFrames.OutermostTestOnRealStack();
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e))
        {
            return task;
        }
        return test is null ? task : CheckAfter(task, test);
    }

    static async Task CheckAfter(Task task, string test)
    {
        await task;
        Common.Testing.TestAttribution.ThrowPendingFailureOf(test);
    }
}
