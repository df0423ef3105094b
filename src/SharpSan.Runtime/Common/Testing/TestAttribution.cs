using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Common.Testing;

/// <summary>
/// Which test a finding belongs to, so that `sharpsan test`'s results, its summary and the runner's outcomes agree:
/// a finding is charged to a test only when it fails that test, under the name the runner uses.
/// <list type="bullet">
/// <item>On the test's own thread: the innermost test frame of the shadow stack, while that test is also on the
///   thread's real stack (a frame left behind by an exception that escaped into the framework is not); the finding is
///   thrown into the test (fail_tests).</item>
/// <item>On a thread working for a test (started, or its work item queued, by it: <see cref="DelegatedTest"/>): the
///   finding waits until that test next waits for its workers (Join, Wait, await) and fails it then; only then is it
///   charged to it. A test that finished without waiting again is not failed, and the finding stays outside tests.</item>
/// </list>
/// Also remembers the tests a finding failed: the leak checker does not report what they allocated, since the exception
/// skipped their own clean-up. Runs on the report path (and when a test method starts); never throws into the program.
/// </summary>
public static class TestAttribution
{
    const string CurrentTestSite = "TestAttribution.CurrentTest", EnteringSite = "TestAttribution.Entering", PendingSite = "TestAttribution.Pending";

    [ThreadStatic] static string? t_testOnRealStack;

    /// <summary>
    /// The test on this thread's real stack, set around a report by code that keeps no shadow stack (guard mode's frees):
    /// <see cref="CurrentTest"/> answers it, so the finding fails that test at once, as a checked mode's does.
    /// </summary>
    public static string? TestOnRealStack
    {
        get => t_testOnRealStack;
        set => t_testOnRealStack = value;
    }

    /// <summary>"Namespace.Class.Method" of the test running on this thread (as its runner names it), or null outside any test.</summary>
    public static string? CurrentTest()
    {
        try
        {
            InternalErrors.Inject(CurrentTestSite);
            return t_testOnRealStack ?? CurrentTestChecked();
        }
        catch (Exception e) when (InternalErrors.Contain(CurrentTestSite, e))
        {
            return null;   // outside any test: never thrown into code that cannot expect it
        }
    }

    /// <summary>
    /// The outermost test frame that is on the thread's real stack: the test the runner is running (a test method called
    /// by another test is part of the outer one, as far as the runner is concerned); test frames that are not on the
    /// real stack were left behind by exceptions that escaped into the framework.
    /// </summary>
    static string? CurrentTestChecked()
    {
        Span<long> frames = stackalloc long[256];
        Span<int> classes = stackalloc int[256];
        int n = ShadowStack.CaptureWithSpares(frames, classes);
        TestFrames.RealStack? real = null;
        string? running = null;
        for (int i = 0; i < n; i++)
        {
            if (TestFrames.TestOf(StackFrame.Unpack(frames[i])) is not { } test) continue;
            real ??= TestFrames.RealStack.OfThisThread();
            if (!real.Holds(test.Method)) continue;
            running = TestFrames.RunnerName(test, classes[i]);
            if (running != test.DeclaredName) lock (s_declaredNames) s_declaredNames[running] = test.DeclaredName;
        }
        return running;
    }

    /// <summary>
    /// For a test method that starts or resumes: true when the frame on top of the shadow stack is live (the test was
    /// called from checked code, an async test resumed inside it), so the stack is kept; false when it is a frame left
    /// behind by an exception, so the test starts a fresh stack. False too when it cannot be told (the old behaviour).
    /// </summary>
    public static bool IsLive(int frameKey, int enteringFrameKey)
    {
        try
        {
            InternalErrors.Inject(EnteringSite);
            // An async test's own method starting its state machine: certainly live, and common enough to skip the stack walk.
            if (TestFrames.TestOf(new StackFrame(frameKey, 0)) is { } caller && TestFrames.TestOf(new StackFrame(enteringFrameKey, 0)) is { } entering
                && caller.Method == entering.Method)
                return true;
            return TestFrames.MethodOf(frameKey) is { } method && TestFrames.RealStack.OfThisThread().Holds(method);
        }
        catch (Exception e) when (InternalErrors.Contain(EnteringSite, e))
        {
            return false;
        }
    }

    /// <summary>Runner name → declaring-class name, for inherited tests (frames of allocation stacks know only the latter).</summary>
    static readonly Dictionary<string, string> s_declaredNames = [];

    /// <summary>
    /// A test method starts (<paramref name="starting"/>; false when an async test resumes): findings still pending for
    /// an earlier run of the same test are dropped, not charged to this one. Returns the class id for the frame.
    /// </summary>
    public static int Entering(int frameKey, object? testInstance, bool starting)
    {
        try
        {
            InternalErrors.Inject(EnteringSite);
            int classId = TestFrames.ClassIdOf(testInstance);
            if (starting && s_pendingCount > 0 && TestFrames.TestOf(new StackFrame(frameKey, 0)) is { } test)
            {
                lock (s_pending)
                {
                    s_pending.Remove(TestFrames.RunnerName(test, classId));
                    s_pendingCount = s_pending.Count;
                }
            }
            return classId;
        }
        catch (Exception e) when (InternalErrors.Contain(EnteringSite, e))
        {
            return 0;
        }
    }

    [ThreadStatic] static string? t_delegatedTest;

    /// <summary>
    /// The test on whose behalf this thread works (it was started, or its work item queued, by that test), set by
    /// ThreadSanitizer's thread and work-item wrappers, which restore the previous value when the work item ends.
    /// </summary>
    public static string? DelegatedTest
    {
        get => t_delegatedTest;
        set => t_delegatedTest = value;
    }

    /// <summary>True when findings are tied to tests at all (fail_tests or results_dir): only then is the test looked up.</summary>
    public static bool Enabled => SanitizerRuntime.Options.FailTests || SanitizerRuntime.Options.ResultsDir.Length > 0;

    sealed record Pending(string Report, Action Charge);

    /// <summary>Findings raised for each test by its workers, in the order they were raised.</summary>
    static readonly Dictionary<string, List<Pending>> s_pending = [];
    static volatile int s_pendingCount;

    /// <summary>
    /// A finding on a thread working for <paramref name="test"/>: the test fails when it next waits for its workers,
    /// and only then is <paramref name="charge"/> run (it records the finding as the test's).
    /// </summary>
    public static void AddPendingFailure(string test, string report, Action charge)
    {
        lock (s_pending)
        {
            if (!s_pending.TryGetValue(test, out var list)) s_pending[test] = list = [];
            list.Add(new Pending(report, charge));
            s_pendingCount = s_pending.Count;
        }
    }

    /// <summary>
    /// Called after a test thread waited for its workers (Join, Wait, await): fails the test with the first finding its
    /// workers raised, and charges all of them to it.
    /// </summary>
    public static void ThrowPendingFailure()
    {
        if (s_pendingCount == 0 || CurrentTest() is not { } test) return;
        ThrowPendingFailureOf(test);
    }

    /// <summary>
    /// <see cref="ThrowPendingFailure"/> for code that keeps no shadow stack (guard mode's allocation calls): the test is
    /// looked up on the real stack, which costs a stack walk only while some finding is pending.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void ThrowPendingFailureOnRealStack()
    {
        // Guard mode calls this on every allocation and free: only the flag test is inlined there.
        if (s_pendingCount != 0) ThrowPendingFailureFoundOnRealStack();
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static void ThrowPendingFailureFoundOnRealStack()
    {
        string? test;
        try
        {
            InternalErrors.Inject(PendingSite);
            test = TestFrames.OutermostTestOnRealStack();
        }
        catch (Exception e) when (InternalErrors.Contain(PendingSite, e))
        {
            return;
        }
        if (test is not null) ThrowPendingFailureOf(test);
    }

    /// <summary>Fails <paramref name="test"/> with the first finding pending for it (and charges them all to it), if any.</summary>
    public static void ThrowPendingFailureOf(string test)
    {
        if (s_pendingCount == 0) return;
        List<Pending>? pending;
        lock (s_pending)
        {
            if (!s_pending.Remove(test, out pending)) return;
            s_pendingCount = s_pending.Count;
        }
        try
        {
            InternalErrors.Inject(PendingSite);
            foreach (var finding in pending) finding.Charge();
            FailedByFinding(test);
        }
        catch (Exception e) when (InternalErrors.Contain(PendingSite, e))
        {
            return;   // not recorded as the test's, so not thrown into it either: the results stay in agreement
        }
        throw new SanitizerFindingException(pending[0].Report, test);
    }

    static readonly HashSet<string> s_failedByFinding = [];

    /// <summary>Records that a finding failed <paramref name="test"/> (its remaining code, clean-up included, did not run).</summary>
    public static void FailedByFinding(string test)
    {
        string? declared;
        lock (s_declaredNames) s_declaredNames.TryGetValue(test, out declared);
        lock (s_failedByFinding)
        {
            s_failedByFinding.Add(test);
            if (declared is not null) s_failedByFinding.Add(declared);
        }
    }

    /// <summary>True when a frame of the stack (an allocation's) belongs to a test that a finding failed.</summary>
    public static bool InTestFailedByFinding(ReadOnlySpan<long> stack)
    {
        lock (s_failedByFinding)
            if (s_failedByFinding.Count == 0) return false;
        foreach (long packed in stack)
        {
            if (TestFrames.TestOf(StackFrame.Unpack(packed)) is not { } test) continue;
            lock (s_failedByFinding)
                if (s_failedByFinding.Contains(test.DeclaredName)) return true;
        }
        return false;
    }
}
