using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// Hand-off through thread-safe collections: what a thread did before adding an item is visible to the thread that
/// takes (or reads) it. One clock per collection object: adding releases into it before the real add, taking acquires
/// it after a successful take. ConcurrentDictionary: writes release, reads acquire, read-modify-writes do both (value
/// factories release again after they ran, before their value is stored).
/// Enumerating one is ConcurrentEnumerationInterceptors'.
/// </summary>
public static class CollectionInterceptors
{
    const string Queue = "System.Collections.Concurrent.ConcurrentQueue`1";
    const string Stack = "System.Collections.Concurrent.ConcurrentStack`1";
    const string Bag = "System.Collections.Concurrent.ConcurrentBag`1";
    const string Dictionary = "System.Collections.Concurrent.ConcurrentDictionary`2";
    const string Blocking = "System.Collections.Concurrent.BlockingCollection`1";
    const string Writer = "System.Threading.Channels.ChannelWriter`1";
    const string Reader = "System.Threading.Channels.ChannelReader`1";

    static void Releasing(object collection) => RaceThread.Current.Release(SyncObjects.For(collection));

    static bool Acquired(object collection, bool taken = true)
    {
        if (taken && SyncObjects.Existing(collection) is { } clock) RaceThread.Current.Acquire(clock);
        return taken;
    }

    static T Acquired<T>(object collection, T value)
    {
        Acquired(collection);
        return value;
    }

    // ---- ConcurrentQueue ----

    [Intercepts(Queue, "Enqueue", Instance = true, Sanitizer = "thread")]
    public static void Enqueue<T>(ConcurrentQueue<T> queue, T item) { Releasing(queue); queue.Enqueue(item); }

    [Intercepts(Queue, "TryDequeue", Instance = true, Sanitizer = "thread")]
    public static bool TryDequeue<T>(ConcurrentQueue<T> queue, out T result) => Acquired(queue, queue.TryDequeue(out result!));

    [Intercepts(Queue, "TryPeek", Instance = true, Sanitizer = "thread")]
    public static bool TryPeek<T>(ConcurrentQueue<T> queue, out T result) => Acquired(queue, queue.TryPeek(out result!));

    [Intercepts(Queue, "ToArray", Instance = true, Sanitizer = "thread")]
    public static T[] ToArray<T>(ConcurrentQueue<T> queue) => Acquired(queue, queue.ToArray());

    // ---- ConcurrentStack ----

    [Intercepts(Stack, "Push", Instance = true, Sanitizer = "thread")]
    public static void Push<T>(ConcurrentStack<T> stack, T item) { Releasing(stack); stack.Push(item); }

    [Intercepts(Stack, "PushRange", Instance = true, Sanitizer = "thread")]
    public static void PushRange<T>(ConcurrentStack<T> stack, T[] items) { Releasing(stack); stack.PushRange(items); }

    [Intercepts(Stack, "TryPop", Instance = true, Sanitizer = "thread")]
    public static bool TryPop<T>(ConcurrentStack<T> stack, out T result) => Acquired(stack, stack.TryPop(out result!));

    [Intercepts(Stack, "TryPeek", Instance = true, Sanitizer = "thread")]
    public static bool TryPeek<T>(ConcurrentStack<T> stack, out T result) => Acquired(stack, stack.TryPeek(out result!));

    [Intercepts(Stack, "TryPopRange", Instance = true, Sanitizer = "thread")]
    public static int TryPopRange<T>(ConcurrentStack<T> stack, T[] items)
    {
        int n = stack.TryPopRange(items);
        Acquired(stack, n > 0);
        return n;
    }

    [Intercepts(Stack, "ToArray", Instance = true, Sanitizer = "thread")]
    public static T[] ToArray<T>(ConcurrentStack<T> stack) => Acquired(stack, stack.ToArray());

    // ---- ConcurrentBag ----

    [Intercepts(Bag, "Add", Instance = true, Sanitizer = "thread")]
    public static void Add<T>(ConcurrentBag<T> bag, T item) { Releasing(bag); bag.Add(item); }

    [Intercepts(Bag, "TryTake", Instance = true, Sanitizer = "thread")]
    public static bool TryTake<T>(ConcurrentBag<T> bag, out T result) => Acquired(bag, bag.TryTake(out result!));

    [Intercepts(Bag, "TryPeek", Instance = true, Sanitizer = "thread")]
    public static bool TryPeek<T>(ConcurrentBag<T> bag, out T result) => Acquired(bag, bag.TryPeek(out result!));

    [Intercepts(Bag, "ToArray", Instance = true, Sanitizer = "thread")]
    public static T[] ToArray<T>(ConcurrentBag<T> bag) => Acquired(bag, bag.ToArray());

    // ---- ConcurrentDictionary ----

    static Func<TKey, TValue> Releasing<TKey, TValue>(object dictionary, Func<TKey, TValue> factory) => key =>
    {
        var value = factory(key);
        Releasing(dictionary);
        return value;
    };

    static Func<TKey, TValue, TValue> Releasing<TKey, TValue>(object dictionary, Func<TKey, TValue, TValue> factory) => (key, old) =>
    {
        Acquired(dictionary);
        var value = factory(key, old);
        Releasing(dictionary);
        return value;
    };

    [Intercepts(Dictionary, "TryAdd", Instance = true, Sanitizer = "thread")]
    public static bool TryAdd<TKey, TValue>(ConcurrentDictionary<TKey, TValue> d, TKey key, TValue value) where TKey : notnull
    { Releasing(d); return d.TryAdd(key, value); }

    [Intercepts(Dictionary, "set_Item", Instance = true, Sanitizer = "thread")]
    public static void SetItem<TKey, TValue>(ConcurrentDictionary<TKey, TValue> d, TKey key, TValue value) where TKey : notnull
    { Releasing(d); d[key] = value; }

    [Intercepts(Dictionary, "get_Item", Instance = true, Sanitizer = "thread")]
    public static TValue GetItem<TKey, TValue>(ConcurrentDictionary<TKey, TValue> d, TKey key) where TKey : notnull => Acquired(d, d[key]);

    [Intercepts(Dictionary, "TryGetValue", Instance = true, Sanitizer = "thread")]
    public static bool TryGetValue<TKey, TValue>(ConcurrentDictionary<TKey, TValue> d, TKey key, out TValue value) where TKey : notnull =>
        Acquired(d, d.TryGetValue(key, out value!));

    [Intercepts(Dictionary, "ContainsKey", Instance = true, Sanitizer = "thread")]
    public static bool ContainsKey<TKey, TValue>(ConcurrentDictionary<TKey, TValue> d, TKey key) where TKey : notnull =>
        Acquired(d, d.ContainsKey(key));

    [Intercepts(Dictionary, "TryRemove", Instance = true, Sanitizer = "thread")]
    public static bool TryRemove<TKey, TValue>(ConcurrentDictionary<TKey, TValue> d, TKey key, out TValue value) where TKey : notnull
    {
        Releasing(d);
        return Acquired(d, d.TryRemove(key, out value!));
    }

    [Intercepts(Dictionary, "TryUpdate", Instance = true, Sanitizer = "thread")]
    public static bool TryUpdate<TKey, TValue>(ConcurrentDictionary<TKey, TValue> d, TKey key, TValue newValue, TValue comparisonValue) where TKey : notnull
    {
        Releasing(d);
        return Acquired(d, d.TryUpdate(key, newValue, comparisonValue));
    }

    [Intercepts(Dictionary, "GetOrAdd", Instance = true, Sanitizer = "thread")]
    public static TValue GetOrAdd<TKey, TValue>(ConcurrentDictionary<TKey, TValue> d, TKey key, TValue value) where TKey : notnull
    {
        Releasing(d);
        return Acquired(d, d.GetOrAdd(key, value));
    }

    [Intercepts(Dictionary, "GetOrAdd", Instance = true, Sanitizer = "thread")]
    public static TValue GetOrAdd<TKey, TValue>(ConcurrentDictionary<TKey, TValue> d, TKey key, Func<TKey, TValue> valueFactory) where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(valueFactory);
        Releasing(d);
        return Acquired(d, d.GetOrAdd(key, Releasing(d, valueFactory)));
    }

    [Intercepts(Dictionary, "AddOrUpdate", Instance = true, Sanitizer = "thread")]
    public static TValue AddOrUpdate<TKey, TValue>(ConcurrentDictionary<TKey, TValue> d, TKey key, TValue addValue, Func<TKey, TValue, TValue> updateValueFactory) where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(updateValueFactory);
        Releasing(d);
        return Acquired(d, d.AddOrUpdate(key, addValue, Releasing(d, updateValueFactory)));
    }

    [Intercepts(Dictionary, "AddOrUpdate", Instance = true, Sanitizer = "thread")]
    public static TValue AddOrUpdate<TKey, TValue>(ConcurrentDictionary<TKey, TValue> d, TKey key, Func<TKey, TValue> addValueFactory, Func<TKey, TValue, TValue> updateValueFactory) where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(addValueFactory);
        ArgumentNullException.ThrowIfNull(updateValueFactory);
        Releasing(d);
        return Acquired(d, d.AddOrUpdate(key, Releasing(d, addValueFactory), Releasing(d, updateValueFactory)));
    }

    [Intercepts(Dictionary, "ToArray", Instance = true, Sanitizer = "thread")]
    public static KeyValuePair<TKey, TValue>[] ToArray<TKey, TValue>(ConcurrentDictionary<TKey, TValue> d) where TKey : notnull => Acquired(d, d.ToArray());

    [Intercepts(Dictionary, "get_Values", Instance = true, Sanitizer = "thread")]
    public static ICollection<TValue> Values<TKey, TValue>(ConcurrentDictionary<TKey, TValue> d) where TKey : notnull => Acquired(d, d.Values);

    [Intercepts(Dictionary, "get_Keys", Instance = true, Sanitizer = "thread")]
    public static ICollection<TKey> Keys<TKey, TValue>(ConcurrentDictionary<TKey, TValue> d) where TKey : notnull => Acquired(d, d.Keys);

    // ---- BlockingCollection ----

    [Intercepts(Blocking, "Add", Instance = true, Sanitizer = "thread")]
    public static void Add<T>(BlockingCollection<T> c, T item) { Releasing(c); c.Add(item); }

    [Intercepts(Blocking, "Add", Instance = true, Sanitizer = "thread")]
    public static void Add<T>(BlockingCollection<T> c, T item, CancellationToken cancellationToken) { Releasing(c); c.Add(item, cancellationToken); }

    [Intercepts(Blocking, "TryAdd", Instance = true, Sanitizer = "thread")]
    public static bool TryAdd<T>(BlockingCollection<T> c, T item) { Releasing(c); return c.TryAdd(item); }

    [Intercepts(Blocking, "TryAdd", Instance = true, Sanitizer = "thread")]
    public static bool TryAdd<T>(BlockingCollection<T> c, T item, int millisecondsTimeout) { Releasing(c); return c.TryAdd(item, millisecondsTimeout); }

    [Intercepts(Blocking, "TryAdd", Instance = true, Sanitizer = "thread")]
    public static bool TryAdd<T>(BlockingCollection<T> c, T item, TimeSpan timeout) { Releasing(c); return c.TryAdd(item, timeout); }

    [Intercepts(Blocking, "Take", Instance = true, Sanitizer = "thread")]
    public static T Take<T>(BlockingCollection<T> c) => Acquired(c, c.Take());

    [Intercepts(Blocking, "Take", Instance = true, Sanitizer = "thread")]
    public static T Take<T>(BlockingCollection<T> c, CancellationToken cancellationToken) => Acquired(c, c.Take(cancellationToken));

    [Intercepts(Blocking, "TryTake", Instance = true, Sanitizer = "thread")]
    public static bool TryTake<T>(BlockingCollection<T> c, out T item) => Acquired(c, c.TryTake(out item!));

    [Intercepts(Blocking, "TryTake", Instance = true, Sanitizer = "thread")]
    public static bool TryTake<T>(BlockingCollection<T> c, out T item, int millisecondsTimeout) => Acquired(c, c.TryTake(out item!, millisecondsTimeout));

    [Intercepts(Blocking, "TryTake", Instance = true, Sanitizer = "thread")]
    public static bool TryTake<T>(BlockingCollection<T> c, out T item, TimeSpan timeout) => Acquired(c, c.TryTake(out item!, timeout));

    static IEnumerable<T> Consuming<T>(object collection, IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            Acquired(collection);
            yield return item;
        }
    }

    [Intercepts(Blocking, "GetConsumingEnumerable", Instance = true, Sanitizer = "thread")]
    public static IEnumerable<T> GetConsumingEnumerable<T>(BlockingCollection<T> c) => Consuming(c, c.GetConsumingEnumerable());

    [Intercepts(Blocking, "GetConsumingEnumerable", Instance = true, Sanitizer = "thread")]
    public static IEnumerable<T> GetConsumingEnumerable<T>(BlockingCollection<T> c, CancellationToken cancellationToken) =>
        Consuming(c, c.GetConsumingEnumerable(cancellationToken));

    // ---- Channels ----
    // Reader and writer are different objects. The BCL channels' reader and writer both point to their channel
    // (a private _parent field): that channel carries the clock. Other channel implementations share one clock
    // (coarser: it can hide races, never invent one).

    static readonly object s_otherChannels = new();
    static readonly ConcurrentDictionary<Type, System.Reflection.FieldInfo?> s_parentFields = new();

    static object ChannelOf(object readerOrWriter)
    {
        var field = s_parentFields.GetOrAdd(readerOrWriter.GetType(), static t =>
            t.GetField("_parent", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic));
        return field?.GetValue(readerOrWriter) ?? s_otherChannels;
    }

    [Intercepts(Writer, "TryWrite", Instance = true, Sanitizer = "thread")]
    public static bool TryWrite<T>(ChannelWriter<T> writer, T item) { Releasing(ChannelOf(writer)); return writer.TryWrite(item); }

    [Intercepts(Writer, "WriteAsync", Instance = true, Sanitizer = "thread")]
    public static ValueTask WriteAsync<T>(ChannelWriter<T> writer, T item, CancellationToken cancellationToken)
    { Releasing(ChannelOf(writer)); return writer.WriteAsync(item, cancellationToken); }

    [Intercepts(Reader, "TryRead", Instance = true, Sanitizer = "thread")]
    public static bool TryRead<T>(ChannelReader<T> reader, out T item) => Acquired(ChannelOf(reader), reader.TryRead(out item!));

    /// <summary>
    /// An item already there was taken now: acquire at once. A pending read completes when a writer hands it an item
    /// (after releasing): taking the ValueTask's result acquires (<see cref="ValueTaskSync"/>).
    /// </summary>
    [Intercepts(Reader, "ReadAsync", Instance = true, Sanitizer = "thread")]
    public static ValueTask<T> ReadAsync<T>(ChannelReader<T> reader, CancellationToken cancellationToken)
    {
        var channel = ChannelOf(reader);
        var read = reader.ReadAsync(cancellationToken);
        if (read.IsCompletedSuccessfully) Acquired(channel);
        else ValueTaskSync.AlsoAcquire(ValueTaskSync.SourceOf(ref read), SyncObjects.For(channel));
        return read;
    }

    [Intercepts(Reader, "ReadAllAsync", Instance = true, Sanitizer = "thread")]
    public static IAsyncEnumerable<T> ReadAllAsync<T>(ChannelReader<T> reader, CancellationToken cancellationToken) =>
        new AcquiringAsyncEnumerable<T>(ChannelOf(reader), reader.ReadAllAsync(cancellationToken));

    /// <summary>Reading Current (after MoveNextAsync's result was awaited, on the consuming thread) acquires.</summary>
    sealed class AcquiringAsyncEnumerable<T>(object clockOwner, IAsyncEnumerable<T> inner) : IAsyncEnumerable<T>
    {
        public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
            new Enumerator(clockOwner, inner.GetAsyncEnumerator(cancellationToken));

        sealed class Enumerator(object clockOwner, IAsyncEnumerator<T> inner) : IAsyncEnumerator<T>
        {
            public T Current
            {
                get
                {
                    var value = inner.Current;
                    Acquired(clockOwner);
                    return value;
                }
            }

            public ValueTask<bool> MoveNextAsync() => inner.MoveNextAsync();

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
