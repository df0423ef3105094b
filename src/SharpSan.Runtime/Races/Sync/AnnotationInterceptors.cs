namespace SharpSan.Runtime.Races.Sync;

/// <summary>SharpSan.Annotations.Race calls in checked code, redirected here.</summary>
public static class AnnotationInterceptors
{
    const string Race = "SharpSan.Annotations.Race";

    [Intercepts(Race, "HappensBefore", Sanitizer = "thread")]
    public static void HappensBefore(object synchronization) => RaceThread.Current.Release(SyncObjects.For(synchronization));

    [Intercepts(Race, "HappensAfter", Sanitizer = "thread")]
    public static void HappensAfter(object synchronization)
    {
        if (SyncObjects.Existing(synchronization) is { } clock) RaceThread.Current.Acquire(clock);
    }

    [Intercepts(Race, "IgnoreReadsBegin", Sanitizer = "thread")]
    public static void IgnoreReadsBegin() => RaceThread.Current.IgnoreReads++;

    [Intercepts(Race, "IgnoreReadsEnd", Sanitizer = "thread")]
    public static void IgnoreReadsEnd()
    {
        var thread = RaceThread.Current;
        if (thread.IgnoreReads > 0) thread.IgnoreReads--;
    }
}
