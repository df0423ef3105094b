namespace SharpSan.Runtime.Address.Pins;

/// <summary>
/// Runs <see cref="PinRecords.Sweep"/> after every garbage collection: an unreachable object's finalizer runs
/// after each GC that collects it, and each run leaves a fresh one in generation 0 for the next GC (the BCL's
/// Gen2GcCallback re-registers itself instead, which only fires on gen-2 collections).
/// </summary>
internal sealed class GcWatcher
{
    static int s_started;

    public static void EnsureStarted()
    {
        if (Volatile.Read(ref s_started) == 0 && Interlocked.Exchange(ref s_started, 1) == 0) _ = new GcWatcher();
    }

    ~GcWatcher()
    {
        if (Environment.HasShutdownStarted) return;
        PinRecords.Sweep();
        _ = new GcWatcher();
    }
}
