using System.Collections;
using System.Collections.Concurrent;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// Enumerating a thread-safe collection (ConcurrentQueue, ConcurrentStack, ConcurrentBag, ConcurrentDictionary,
/// BlockingCollection) directly or through the non-generic IEnumerable: every item the enumerator yields was added
/// by some thread, so each successful MoveNext acquires the collection's clock, as TryDequeue/TryGetValue do
/// (CollectionInterceptors). Other receivers of IEnumerable.GetEnumerator are left alone.
/// </summary>
public static class ConcurrentEnumerationInterceptors
{
    const string NonGeneric = "System.Collections.IEnumerable";

    [Intercepts("System.Collections.Concurrent.ConcurrentQueue`1", "GetEnumerator", Instance = true, Sanitizer = "thread")]
    public static IEnumerator<T> GetEnumerator<T>(ConcurrentQueue<T> queue) => new Acquiring<T>(queue, queue.GetEnumerator());

    [Intercepts("System.Collections.Concurrent.ConcurrentStack`1", "GetEnumerator", Instance = true, Sanitizer = "thread")]
    public static IEnumerator<T> GetEnumerator<T>(ConcurrentStack<T> stack) => new Acquiring<T>(stack, stack.GetEnumerator());

    [Intercepts("System.Collections.Concurrent.ConcurrentBag`1", "GetEnumerator", Instance = true, Sanitizer = "thread")]
    public static IEnumerator<T> GetEnumerator<T>(ConcurrentBag<T> bag) => new Acquiring<T>(bag, bag.GetEnumerator());

    [Intercepts("System.Collections.Concurrent.ConcurrentDictionary`2", "GetEnumerator", Instance = true, Sanitizer = "thread")]
    public static IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary) where TKey : notnull =>
        new Acquiring<KeyValuePair<TKey, TValue>>(dictionary, dictionary.GetEnumerator());

    /// <summary>`foreach (object x in (IEnumerable)c)`, ArrayList-style APIs, LINQ's Cast/OfType called from checked code.</summary>
    [Intercepts(NonGeneric, "GetEnumerator", Instance = true, Sanitizer = "thread")]
    public static IEnumerator GetEnumerator(IEnumerable source)
    {
        var inner = source.GetEnumerator();
        return IsConcurrent(source) ? new Acquiring(source, inner) : inner;
    }

    static readonly HashSet<string> s_concurrent =
    [
        "System.Collections.Concurrent.ConcurrentQueue`1", "System.Collections.Concurrent.ConcurrentStack`1",
        "System.Collections.Concurrent.ConcurrentBag`1", "System.Collections.Concurrent.ConcurrentDictionary`2",
        "System.Collections.Concurrent.BlockingCollection`1",
    ];

    const string Site = "ConcurrentEnumeration";

    static bool IsConcurrent(object source)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            var type = source.GetType();
            return type.IsGenericType && s_concurrent.Contains(type.GetGenericTypeDefinition().FullName!);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
            return false;
        }
    }

    static void Acquire(object collection) => Common.InternalErrors.Run(Site, Common.LostTracking.Synchronisation, collection,
        static c => { if (SyncObjects.Existing(c) is { } clock) RaceThread.Current.Acquire(clock); });

    sealed class Acquiring(object collection, IEnumerator inner) : IEnumerator, IDisposable
    {
        public object? Current => inner.Current;

        public bool MoveNext()
        {
            bool moved = inner.MoveNext();
            if (moved) Acquire(collection);
            return moved;
        }

        public void Reset() => inner.Reset();

        public void Dispose() => (inner as IDisposable)?.Dispose();
    }

    sealed class Acquiring<T>(object collection, IEnumerator<T> inner) : IEnumerator<T>
    {
        public T Current => inner.Current;

        object? IEnumerator.Current => inner.Current;

        public bool MoveNext()
        {
            bool moved = inner.MoveNext();
            if (moved) Acquire(collection);
            return moved;
        }

        public void Reset() => inner.Reset();

        public void Dispose() => inner.Dispose();
    }
}
