using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Common.NativeAsan;

/// <summary>
/// A native finding of a running test (`sharpsan test --native address`, where the system AddressSanitizer recovers
/// after its report): the report is made inside ASan's callback, where no exception may cross the native frames, so the
/// test fails when the native call returns to checked code — instrumentation calls <see cref="AfterNativeCall"/> after
/// every P/Invoke and unmanaged function pointer call.
/// </summary>
public static class NativeCallFailures
{
    const string Site = "NativeCallFailures.AfterNativeCall";

    sealed record Failure(string Report, string Test);

    [ThreadStatic] static Failure? t_failure;

    /// <summary>Threads with a failure to throw: the check after each native call is one static read while it is 0.</summary>
    static int s_pending;

    /// <summary>From the report path, on the thread that called into the native code.</summary>
    internal static void Remember(string report, string test)
    {
        if (t_failure is null) Interlocked.Increment(ref s_pending);
        t_failure ??= new Failure(report, test);
    }

    /// <summary>Before a native call: the runtime is started, and with it ASan's report callback registered (SystemAsan).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BeforeNativeCall() => SanitizerRuntime.EnsureInitialized();

    /// <summary>After a native call returns: fails the running test with the native finding it raised.</summary>
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
            if (failure is null) return;
            t_failure = null;
            Interlocked.Decrement(ref s_pending);
            Testing.TestAttribution.FailedByFinding(failure.Test);
        }
        catch (Exception e) when (InternalErrors.Contain(Site, e))
        {
            return;
        }
        throw new SanitizerFindingException(failure.Report, failure.Test);
    }
}
