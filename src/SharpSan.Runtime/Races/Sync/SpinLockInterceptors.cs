using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// SpinLock, one clock per instance (<see cref="SpinLockClocks"/>). SpinLock is a struct: a copy is another lock, so a
/// <c>readonly</c> SpinLock field, copied at every call, excludes nothing and its "critical sections" race. The
/// rewriter calls <see cref="Locate"/>, <see cref="LocateElement"/> or <see cref="LocateCopy"/> right before an
/// Enter/TryEnter to say where the SpinLock lives; the intercepted Enter acquires that location's clock, Exit releases
/// into the clock its Enter acquired.
/// </summary>
public static class SpinLockInterceptors
{
    const string SpinLockType = "System.Threading.SpinLock";
    const string Site = "SpinLockInterceptors";

    /// <summary>The next Enter's SpinLock is the field path <paramref name="key"/> of <paramref name="owner"/> (null: a static).</summary>
    public static void Locate(object? owner, long key)
    {
        try
        {
            SpinLockThreadState.Current.Locate(owner, key);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    /// <summary>The next Enter's SpinLock is (a field path <paramref name="path"/> of) element <paramref name="index"/> of <paramref name="array"/>.</summary>
    public static void LocateElement(object array, nint index, int path) => Locate(array, ((long)path << 32) | (uint)index);

    /// <summary>The next Enter's SpinLock is a copy in a local or a by-value parameter.</summary>
    public static void LocateCopy()
    {
        try
        {
            SpinLockThreadState.Current.LocateCopy();
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    /// <summary>After the real Enter: acquire the clocks of the SpinLock's location and remember them for Exit.</summary>
    static SpinLockThreadState.Location TakeLocation()
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            return SpinLockThreadState.Current.TakeLocation();
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
            return default;
        }
    }

    static unsafe void Entered(ref SpinLock spinLock, bool lockTaken, SpinLockThreadState.Location location)
    {
        if (!lockTaken) return;
        try
        {
            Common.InternalErrors.Inject(Site);
            var state = SpinLockThreadState.Current;
            nint address = (nint)Unsafe.AsPointer(ref spinLock);
            var (clock, alias) = state.ClocksOf(location, address);
            var thread = RaceThread.Current;
            if (RaceOptions.Hybrid)
            {
                // A copy (no clock) excludes nobody: no lock held.
                if (((object?)clock ?? alias) is { } key) Hybrid.HybridLocks.Acquired(thread, key, write: true, SpinLockClocks.Kind);
            }
            else
            {
                if (clock is not null) thread.Acquire(clock);
                if (alias is not null) thread.Acquire(alias);
            }
            state.Entered(address, clock, alias);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    static unsafe void Exiting(ref SpinLock spinLock)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            SpinLockThreadState.Current.Exiting((nint)Unsafe.AsPointer(ref spinLock), RaceThread.Current);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    [Intercepts(SpinLockType, "Enter", Instance = true, Sanitizer = "thread")]
    public static void Enter(ref SpinLock spinLock, ref bool lockTaken)
    {
        var location = TakeLocation();
        spinLock.Enter(ref lockTaken);
        Entered(ref spinLock, lockTaken, location);
    }

    [Intercepts(SpinLockType, "TryEnter", Instance = true, Sanitizer = "thread")]
    public static void TryEnter(ref SpinLock spinLock, ref bool lockTaken)
    {
        var location = TakeLocation();
        spinLock.TryEnter(ref lockTaken);
        Entered(ref spinLock, lockTaken, location);
    }

    [Intercepts(SpinLockType, "TryEnter", Instance = true, Sanitizer = "thread")]
    public static void TryEnter(ref SpinLock spinLock, int millisecondsTimeout, ref bool lockTaken)
    {
        var location = TakeLocation();
        spinLock.TryEnter(millisecondsTimeout, ref lockTaken);
        Entered(ref spinLock, lockTaken, location);
    }

    [Intercepts(SpinLockType, "TryEnter", Instance = true, Sanitizer = "thread")]
    public static void TryEnter(ref SpinLock spinLock, TimeSpan timeout, ref bool lockTaken)
    {
        var location = TakeLocation();
        spinLock.TryEnter(timeout, ref lockTaken);
        Entered(ref spinLock, lockTaken, location);
    }

    [Intercepts(SpinLockType, "Exit", Instance = true, Sanitizer = "thread")]
    public static void Exit(ref SpinLock spinLock)
    {
        Exiting(ref spinLock);
        spinLock.Exit();
    }

    [Intercepts(SpinLockType, "Exit", Instance = true, Sanitizer = "thread")]
    public static void Exit(ref SpinLock spinLock, bool useMemoryBarrier)
    {
        Exiting(ref spinLock);
        spinLock.Exit(useMemoryBarrier);
    }
}
