using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Address.Finalization;

/// <summary>
/// gc_stress=N: every N-th safe point a thread passes collects and runs the pending finalizers, so an object whose
/// last use of <c>this</c> is behind it is finalized while its method still runs — deterministically, as in the
/// runtime's own GCStress. Safe points are the calls and loop back-edges of instance methods of finalizable types
/// (where this bug lives); with gc_stress=0 (the default) a safe point costs nothing once the JIT folds the rate.
/// </summary>
public static unsafe class GcStress
{
    const string Site = "GcStress.Collect";
    static readonly int s_every = ReadRate();

    [ThreadStatic] static int t_passed;
    [ThreadStatic] static bool t_collecting;

    /// <summary>A safe point in the method whose shadow-stack frame is <paramref name="frame"/>, at IL offset <paramref name="site"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SafePoint(int* frame, int site)
    {
        if (s_every != 0) Tick(frame, site);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Tick(int* frame, int site)
    {
        if (++t_passed < s_every) return;
        t_passed = 0;
        // Never from a finalizer: waiting for pending finalizers there would wait for itself.
        var active = ActiveInstanceMethods.Current;
        if (t_collecting || active is { Releasing: > 0 }) return;
        t_collecting = true;
        try
        {
            Common.InternalErrors.Inject(Site);
            if (active is not null) { active.StressSite = site; active.StressFrame = frame; }
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e))
        {
        }
        finally
        {
            if (active is not null) active.StressFrame = null;
            t_collecting = false;
        }
    }

    static int ReadRate()
    {
        try { return (int)Math.Clamp(SanitizerRuntime.Options.GetInt("gc_stress"), 0, int.MaxValue); }
        catch (Exception e) when (Common.InternalErrors.Contain("GcStress.ReadRate", e)) { return 0; }
    }
}
