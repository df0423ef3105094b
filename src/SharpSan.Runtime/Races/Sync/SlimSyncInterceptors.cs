namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// SemaphoreSlim, ManualResetEventSlim, CountdownEvent and Barrier: signalling (Release, Set, Signal) releases into the
/// object's clock before the real call; a successful wait acquires it. Barrier.SignalAndWait does both: every
/// participant releases before it blocks and acquires when the phase ends, so all pre-barrier work happens before all
/// post-barrier work. SemaphoreSlim.WaitAsync acquires when the returned task is observed (awaited, waited on).
/// </summary>
public static class SlimSyncInterceptors
{
    const string SemaphoreSlimType = "System.Threading.SemaphoreSlim";
    const string MresType = "System.Threading.ManualResetEventSlim";
    const string CountdownType = "System.Threading.CountdownEvent";
    const string BarrierType = "System.Threading.Barrier";

    static void Releasing(object o) => RaceThread.Current.Release(SyncObjects.For(o));

    static bool Acquired(object o, bool taken = true)
    {
        if (taken && SyncObjects.Existing(o) is { } clock) RaceThread.Current.Acquire(clock);
        return taken;
    }

    // ---- SemaphoreSlim ----

    [Intercepts(SemaphoreSlimType, "Release", Instance = true, Sanitizer = "thread")]
    public static int Release(SemaphoreSlim semaphore)
    {
        Releasing(semaphore);
        return semaphore.Release();
    }

    [Intercepts(SemaphoreSlimType, "Release", Instance = true, Sanitizer = "thread")]
    public static int Release(SemaphoreSlim semaphore, int releaseCount)
    {
        Releasing(semaphore);
        return semaphore.Release(releaseCount);
    }

    [Intercepts(SemaphoreSlimType, "Wait", Instance = true, Sanitizer = "thread")]
    public static void Wait(SemaphoreSlim semaphore)
    {
        semaphore.Wait();
        Acquired(semaphore);
    }

    [Intercepts(SemaphoreSlimType, "Wait", Instance = true, Sanitizer = "thread")]
    public static void Wait(SemaphoreSlim semaphore, CancellationToken cancellationToken)
    {
        semaphore.Wait(cancellationToken);
        Acquired(semaphore);
    }

    [Intercepts(SemaphoreSlimType, "Wait", Instance = true, Sanitizer = "thread")]
    public static bool Wait(SemaphoreSlim semaphore, int millisecondsTimeout) => Acquired(semaphore, semaphore.Wait(millisecondsTimeout));

    [Intercepts(SemaphoreSlimType, "Wait", Instance = true, Sanitizer = "thread")]
    public static bool Wait(SemaphoreSlim semaphore, TimeSpan timeout) => Acquired(semaphore, semaphore.Wait(timeout));

    [Intercepts(SemaphoreSlimType, "Wait", Instance = true, Sanitizer = "thread")]
    public static bool Wait(SemaphoreSlim semaphore, int millisecondsTimeout, CancellationToken cancellationToken) =>
        Acquired(semaphore, semaphore.Wait(millisecondsTimeout, cancellationToken));

    [Intercepts(SemaphoreSlimType, "Wait", Instance = true, Sanitizer = "thread")]
    public static bool Wait(SemaphoreSlim semaphore, TimeSpan timeout, CancellationToken cancellationToken) =>
        Acquired(semaphore, semaphore.Wait(timeout, cancellationToken));

    /// <summary>
    /// The semaphore is taken when the task completes: acquire now if it already has, otherwise when its completion is
    /// observed (a timed-out WaitAsync also acquires then: an extra edge, which can only hide a race).
    /// </summary>
    static TTask AcquiredAsync<TTask>(SemaphoreSlim semaphore, TTask task) where TTask : Task
    {
        if (task.IsCompletedSuccessfully)
        {
            if (task is not Task<bool> { Result: false }) Acquired(semaphore);
        }
        else
        {
            TaskSync.NodeOf(task).AlsoAcquire(SyncObjects.For(semaphore));
        }
        return task;
    }

    [Intercepts(SemaphoreSlimType, "WaitAsync", Instance = true, Sanitizer = "thread")]
    public static Task WaitAsync(SemaphoreSlim semaphore) => AcquiredAsync(semaphore, semaphore.WaitAsync());

    [Intercepts(SemaphoreSlimType, "WaitAsync", Instance = true, Sanitizer = "thread")]
    public static Task WaitAsync(SemaphoreSlim semaphore, CancellationToken cancellationToken) =>
        AcquiredAsync(semaphore, semaphore.WaitAsync(cancellationToken));

    [Intercepts(SemaphoreSlimType, "WaitAsync", Instance = true, Sanitizer = "thread")]
    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, int millisecondsTimeout) =>
        AcquiredAsync(semaphore, semaphore.WaitAsync(millisecondsTimeout));

    [Intercepts(SemaphoreSlimType, "WaitAsync", Instance = true, Sanitizer = "thread")]
    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, TimeSpan timeout) =>
        AcquiredAsync(semaphore, semaphore.WaitAsync(timeout));

    [Intercepts(SemaphoreSlimType, "WaitAsync", Instance = true, Sanitizer = "thread")]
    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, int millisecondsTimeout, CancellationToken cancellationToken) =>
        AcquiredAsync(semaphore, semaphore.WaitAsync(millisecondsTimeout, cancellationToken));

    [Intercepts(SemaphoreSlimType, "WaitAsync", Instance = true, Sanitizer = "thread")]
    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, TimeSpan timeout, CancellationToken cancellationToken) =>
        AcquiredAsync(semaphore, semaphore.WaitAsync(timeout, cancellationToken));

    // ---- ManualResetEventSlim ----

    [Intercepts(MresType, "Set", Instance = true, Sanitizer = "thread")]
    public static void Set(ManualResetEventSlim e)
    {
        Releasing(e);
        e.Set();
    }

    [Intercepts(MresType, "Wait", Instance = true, Sanitizer = "thread")]
    public static void Wait(ManualResetEventSlim e)
    {
        e.Wait();
        Acquired(e);
    }

    [Intercepts(MresType, "Wait", Instance = true, Sanitizer = "thread")]
    public static void Wait(ManualResetEventSlim e, CancellationToken cancellationToken)
    {
        e.Wait(cancellationToken);
        Acquired(e);
    }

    [Intercepts(MresType, "Wait", Instance = true, Sanitizer = "thread")]
    public static bool Wait(ManualResetEventSlim e, int millisecondsTimeout) => Acquired(e, e.Wait(millisecondsTimeout));

    [Intercepts(MresType, "Wait", Instance = true, Sanitizer = "thread")]
    public static bool Wait(ManualResetEventSlim e, TimeSpan timeout) => Acquired(e, e.Wait(timeout));

    [Intercepts(MresType, "Wait", Instance = true, Sanitizer = "thread")]
    public static bool Wait(ManualResetEventSlim e, int millisecondsTimeout, CancellationToken cancellationToken) =>
        Acquired(e, e.Wait(millisecondsTimeout, cancellationToken));

    [Intercepts(MresType, "Wait", Instance = true, Sanitizer = "thread")]
    public static bool Wait(ManualResetEventSlim e, TimeSpan timeout, CancellationToken cancellationToken) =>
        Acquired(e, e.Wait(timeout, cancellationToken));

    [Intercepts(MresType, "get_IsSet", Instance = true, Sanitizer = "thread")]
    public static bool IsSet(ManualResetEventSlim e) => Acquired(e, e.IsSet);

    // ---- CountdownEvent ----

    [Intercepts(CountdownType, "Signal", Instance = true, Sanitizer = "thread")]
    public static bool Signal(CountdownEvent e)
    {
        Releasing(e);
        return e.Signal();
    }

    [Intercepts(CountdownType, "Signal", Instance = true, Sanitizer = "thread")]
    public static bool Signal(CountdownEvent e, int signalCount)
    {
        Releasing(e);
        return e.Signal(signalCount);
    }

    [Intercepts(CountdownType, "Wait", Instance = true, Sanitizer = "thread")]
    public static void Wait(CountdownEvent e)
    {
        e.Wait();
        Acquired(e);
    }

    [Intercepts(CountdownType, "Wait", Instance = true, Sanitizer = "thread")]
    public static void Wait(CountdownEvent e, CancellationToken cancellationToken)
    {
        e.Wait(cancellationToken);
        Acquired(e);
    }

    [Intercepts(CountdownType, "Wait", Instance = true, Sanitizer = "thread")]
    public static bool Wait(CountdownEvent e, int millisecondsTimeout) => Acquired(e, e.Wait(millisecondsTimeout));

    [Intercepts(CountdownType, "Wait", Instance = true, Sanitizer = "thread")]
    public static bool Wait(CountdownEvent e, TimeSpan timeout) => Acquired(e, e.Wait(timeout));

    [Intercepts(CountdownType, "Wait", Instance = true, Sanitizer = "thread")]
    public static bool Wait(CountdownEvent e, int millisecondsTimeout, CancellationToken cancellationToken) =>
        Acquired(e, e.Wait(millisecondsTimeout, cancellationToken));

    [Intercepts(CountdownType, "get_IsSet", Instance = true, Sanitizer = "thread")]
    public static bool IsSet(CountdownEvent e) => Acquired(e, e.IsSet);

    // ---- Barrier ----

    /// <summary>
    /// The post-phase action runs on the last arriving thread once every participant has released, before the others
    /// go on: it acquires what they did, and releases its own work to them.
    /// </summary>
    [Intercepts(BarrierType, ".ctor", Sanitizer = "thread")]
    public static Barrier New(int participantCount, Action<Barrier>? postPhaseAction) =>
        new(participantCount, postPhaseAction is null ? null : b =>
        {
            Acquired(b);
            postPhaseAction(b);
            Releasing(b);
        });

    [Intercepts(BarrierType, "SignalAndWait", Instance = true, Sanitizer = "thread")]
    public static void SignalAndWait(Barrier barrier)
    {
        Releasing(barrier);
        barrier.SignalAndWait();
        Acquired(barrier);
    }

    [Intercepts(BarrierType, "SignalAndWait", Instance = true, Sanitizer = "thread")]
    public static void SignalAndWait(Barrier barrier, CancellationToken cancellationToken)
    {
        Releasing(barrier);
        barrier.SignalAndWait(cancellationToken);
        Acquired(barrier);
    }

    [Intercepts(BarrierType, "SignalAndWait", Instance = true, Sanitizer = "thread")]
    public static bool SignalAndWait(Barrier barrier, int millisecondsTimeout)
    {
        Releasing(barrier);
        return Acquired(barrier, barrier.SignalAndWait(millisecondsTimeout));
    }

    [Intercepts(BarrierType, "SignalAndWait", Instance = true, Sanitizer = "thread")]
    public static bool SignalAndWait(Barrier barrier, TimeSpan timeout)
    {
        Releasing(barrier);
        return Acquired(barrier, barrier.SignalAndWait(timeout));
    }

    [Intercepts(BarrierType, "SignalAndWait", Instance = true, Sanitizer = "thread")]
    public static bool SignalAndWait(Barrier barrier, int millisecondsTimeout, CancellationToken cancellationToken)
    {
        Releasing(barrier);
        return Acquired(barrier, barrier.SignalAndWait(millisecondsTimeout, cancellationToken));
    }

    [Intercepts(BarrierType, "SignalAndWait", Instance = true, Sanitizer = "thread")]
    public static bool SignalAndWait(Barrier barrier, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Releasing(barrier);
        return Acquired(barrier, barrier.SignalAndWait(timeout, cancellationToken));
    }
}
