namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// A finalizer (or a SafeHandle's ReleaseHandle, which its finalizer or last release calls) runs once nothing else can
/// reach the object: the garbage collector stopped every thread after their last use of it, and the finalizer thread
/// starts after that collection — synchronisation no check sees. So a finalizer acquires every thread's present, as
/// TSan's Go runtime does for its finalizer goroutine (AcquireGlobal): the constructor's writes and the last user's
/// accesses come before it. The price, as in Go: a race between a finalizer and another thread's access made after
/// that collection (through a static, say) is missed.
/// </summary>
public static class FinalizerSync
{
    /// <summary>Called first thing in a checked finalizer or ReleaseHandle.</summary>
    public static void Started()
    {
        var self = RaceThread.Current;
        foreach (var other in RaceThread.All())
            if (!ReferenceEquals(other, self))
                self.AcquireEpochOf(other);
    }
}
