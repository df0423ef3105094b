using System.Buffers;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// ArrayPool&lt;T&gt;.Rent and Return on any pool (Shared, Create, a subclass): the pool hands an array from the
/// thread that returned it to the thread that rents it next, through synchronisation inside the framework that no check
/// sees. Return releases into the array's clock and Rent acquires it, so a renter's writes do not race with the
/// previous renter's reads — as TSan resets the shadow of memory that malloc hands out again. Two threads using one
/// rented array without synchronisation of their own still race.
/// </summary>
public static class PoolHandoffInterceptors
{
    const string ArrayPool = "System.Buffers.ArrayPool`1";

    [Intercepts(ArrayPool, "Rent", Instance = true, Sanitizer = "thread")]
    public static T[] Rent<T>(ArrayPool<T> pool, int minimumLength)
    {
        var array = pool.Rent(minimumLength);
        if (SyncObjects.Existing(array) is { } clock) RaceThread.Current.Acquire(clock);
        return array;
    }

    [Intercepts(ArrayPool, "Return", Instance = true, Sanitizer = "thread")]
    public static void Return<T>(ArrayPool<T> pool, T[] array, bool clearArray)
    {
        if (array is not null) RaceThread.Current.Release(SyncObjects.For(array));
        pool.Return(array!, clearArray);
    }
}
