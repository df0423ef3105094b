using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Common.NativeAsan;

/// <summary>
/// A native finding of a running test (`sharpsan test --native address`, where the system AddressSanitizer recovers
/// after its report): the report is made inside ASan's callback, where no exception may cross the native frames, so the
/// test fails when the native call returns to checked code — instrumentation calls <see cref="AfterNativeCall"/> after
/// every P/Invoke and unmanaged function pointer call — or, when the call was made by code that is not checked (a
/// package's own P/Invoke), when the test ends (TestEnd: by this thread at a synchronous return, by name when an async
/// test's task completes). Whichever comes first throws it; the other finds it claimed.
/// </summary>
public static class NativeCallFailures
{
    const string Site = "NativeCallFailures.AfterNativeCall";

    sealed class Failure(string report, string test)
    {
        public string Report => report;
        public string Test => test;
        int _claimed;

        /// <summary>True for the one caller that throws it.</summary>
        public bool Claim() => Interlocked.Exchange(ref _claimed, 1) == 0;
    }

    [ThreadStatic] static Failure? t_failure;

    /// <summary>The first unthrown failure of each test (an async test may end on another thread than its native call's).</summary>
    static readonly Dictionary<string, Failure> s_byTest = [];

    /// <summary>Failures not thrown yet: each check is one static read while it is 0.</summary>
    static int s_pending;

    /// <summary>From the report path, on the thread that called into the native code.</summary>
    internal static void Remember(string report, string test, string kind)
    {
        NativeHostDeath.NativeFindingIn(test, kind);
        var failure = new Failure(report, test);
        lock (s_byTest)
        {
            if (s_byTest.TryGetValue(test, out var earlier))
            {
                if (earlier == t_failure) return;   // the same call goes on: the test fails with its first native finding
                // Left by an earlier run of the same test (a theory row that failed otherwise): this run's replaces it.
                if (earlier.Claim()) Interlocked.Decrement(ref s_pending);
            }
            s_byTest[test] = failure;
            Interlocked.Increment(ref s_pending);
        }
        t_failure = failure;
    }

    /// <summary>Before a native call: the runtime is started, and with it ASan's report callback registered (SystemAsan).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BeforeNativeCall() => SanitizerRuntime.EnsureInitialized();

    /// <summary>After a native call returns (or a synchronous test ends): fails the running test with the native finding this thread raised.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AfterNativeCall()
    {
        if (Volatile.Read(ref s_pending) != 0) ThrowForThisThread();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void ThrowForThisThread()
    {
        Failure? failure;
        try
        {
            InternalErrors.Inject(Site);
            failure = t_failure;
            t_failure = null;
            if (failure is null || !Claim(failure)) return;
        }
        catch (Exception e) when (InternalErrors.Contain(Site, e))
        {
            return;
        }
        throw new SanitizerFindingException(failure.Report, failure.Test);
    }

    /// <summary>When an async test's task completes: fails it with a native finding raised for it and not thrown yet.</summary>
    public static void AtEndOf(string test)
    {
        if (Volatile.Read(ref s_pending) == 0) return;
        Failure? failure;
        try
        {
            InternalErrors.Inject(Site);
            lock (s_byTest)
                if (!s_byTest.TryGetValue(test, out failure)) return;
            if (!Claim(failure)) return;
        }
        catch (Exception e) when (InternalErrors.Contain(Site, e))
        {
            return;
        }
        throw new SanitizerFindingException(failure.Report, failure.Test);
    }

    static bool Claim(Failure failure)
    {
        if (!failure.Claim()) return false;
        lock (s_byTest)
        {
            if (s_byTest.TryGetValue(failure.Test, out var known) && known == failure) s_byTest.Remove(failure.Test);
            Interlocked.Decrement(ref s_pending);
        }
        Testing.TestAttribution.FailedByFinding(failure.Test);
        return true;
    }
}
