using System.Runtime.CompilerServices;
using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Races;

/// <summary>
/// Entry points the rewriter calls before each access to a field, static or array element in checked code
/// (TSan's __tsan_read4/__tsan_write4). The fast path is FastTrack's same-epoch test, inlined; everything else is in
/// <see cref="FastTrack"/>. <c>site</c> is the IL offset of the access in the calling method.
/// </summary>
public static class RaceChecks
{
    /// <summary>The calling thread's state, fetched once per instrumented method activation and passed to each check.</summary>
    public static RaceThread Thread() => RaceThread.Current;

    /// <summary>
    /// False when <typeparamref name="T"/> is a struct without data (no instance field, or only fields of such structs):
    /// a member of that type cannot race. The rewriter guards the checks of struct members typed by a generic parameter
    /// with it (a stateless policy struct standing for a parameter whose other implementations keep state).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HoldsData<T>() => !Shadow.DataShape<T>.IsEmpty;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadField(object owner, ref RaceCell cell, int site, RaceThread thread)
    {
        long epoch = thread.Epoch;
        if (RaceOptions.Stats) thread.Accesses++;
        if (cell.Read == epoch || cell.Write == epoch)
        {
            if (RaceOptions.Stats) thread.SameEpoch++;
            return;
        }
        FastTrack.ReadField(thread, ref cell, owner, site);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteField(object owner, ref RaceCell cell, int site, RaceThread thread)
    {
        long epoch = thread.Epoch;
        if (RaceOptions.Stats) thread.Accesses++;
        if (cell.Write == epoch)
        {
            if (RaceOptions.Stats) thread.SameEpoch++;
            return;
        }
        FastTrack.WriteField(thread, ref cell, owner, site);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadStatic(ref RaceCell cell, int site, RaceThread thread)
    {
        long epoch = thread.Epoch;
        if (RaceOptions.Stats) thread.Accesses++;
        if (cell.Read == epoch || cell.Write == epoch)
        {
            if (RaceOptions.Stats) thread.SameEpoch++;
            return;
        }
        FastTrack.ReadStatic(thread, ref cell, site);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteStatic(ref RaceCell cell, int site, RaceThread thread)
    {
        long epoch = thread.Epoch;
        if (RaceOptions.Stats) thread.Accesses++;
        if (cell.Write == epoch)
        {
            if (RaceOptions.Stats) thread.SameEpoch++;
            return;
        }
        FastTrack.WriteStatic(thread, ref cell, site);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReadElement(Array array, nint index, int site, RaceThread thread)
    {
        if (array is null || (nuint)index >= (nuint)array.Length) return;   // the access itself throws
        long epoch = thread.Epoch;
        if (RaceOptions.Stats) thread.Accesses++;
        var shadow = ArrayShadows.Of(array, thread);
        if (shadow is null) return;
        ref var cell = ref shadow.Cells[index];
        if (cell.Read == epoch || cell.Write == epoch)
        {
            if (RaceOptions.Stats) thread.SameEpoch++;
            return;
        }
        FastTrack.ReadElement(thread, ref cell, array, shadow, (int)index, site);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteElement(Array array, nint index, int site, RaceThread thread)
    {
        if (array is null || (nuint)index >= (nuint)array.Length) return;
        long epoch = thread.Epoch;
        if (RaceOptions.Stats) thread.Accesses++;
        var shadow = ArrayShadows.Of(array, thread);
        if (shadow is null) return;
        ref var cell = ref shadow.Cells[index];
        if (cell.Write == epoch)
        {
            if (RaceOptions.Stats) thread.SameEpoch++;
            return;
        }
        FastTrack.WriteElement(thread, ref cell, array, shadow, (int)index, site);
    }

    /// <summary>An element of a rank-2 array (`a[i, j]`): its row-major position in the array's shadow.</summary>
    public static void ReadElement2(Array array, int i, int j, int site, RaceThread thread)
    {
        if (FlatIndex(array, i, j, 0, rank: 2) is { } index) ReadElement(array, index, site, thread);
    }

    public static void WriteElement2(Array array, int i, int j, int site, RaceThread thread)
    {
        if (FlatIndex(array, i, j, 0, rank: 2) is { } index) WriteElement(array, index, site, thread);
    }

    public static void ReadElement3(Array array, int i, int j, int k, int site, RaceThread thread)
    {
        if (FlatIndex(array, i, j, k, rank: 3) is { } index) ReadElement(array, index, site, thread);
    }

    public static void WriteElement3(Array array, int i, int j, int k, int site, RaceThread thread)
    {
        if (FlatIndex(array, i, j, k, rank: 3) is { } index) WriteElement(array, index, site, thread);
    }

    /// <summary>Row-major position of an element (lower bounds honoured), or null when the access itself throws.</summary>
    static nint? FlatIndex(Array array, int i, int j, int k, int rank)
    {
        if (array is null || array.Rank != rank) return null;
        nint flat = 0;
        for (int d = 0; d < rank; d++)
        {
            int at = (d == 0 ? i : d == 1 ? j : k) - array.GetLowerBound(d);
            int length = array.GetLength(d);
            if ((uint)at >= (uint)length) return null;
            flat = flat * length + at;
        }
        return flat;
    }

    /// <summary>
    /// Before an Interlocked/Volatile call on a field (<paramref name="write"/> unless it only loads): an atomic access,
    /// which races with plain accesses not ordered with it but never with other atomic ones (TSan's rule).
    /// </summary>
    public static void AtomicField(object owner, ref RaceCell cell, int site, bool write, RaceThread thread) =>
        FastTrack.Atomic(thread, ref cell, Variable.Field(owner, ref cell), site, write);

    public static void AtomicStatic(ref RaceCell cell, int site, bool write, RaceThread thread) =>
        FastTrack.Atomic(thread, ref cell, Variable.Static(ref cell), site, write);

    public static void AtomicElement(object array, nint index, int site, bool write, RaceThread thread)
    {
        var elements = (Array)array;
        if ((nuint)index >= (nuint)elements.Length) return;   // the call itself throws
        var shadow = ArrayShadows.Of(elements, thread);
        if (shadow is null) return;
        FastTrack.Atomic(thread, ref shadow.Cells[index], Variable.Element(elements, shadow, (int)index), site, write);
    }

    /// <summary>
    /// Before a reading call (<paramref name="member"/>) on a non-thread-safe collection (see
    /// Collections.CollectionContract): one read of the collection's single shadow cell.
    /// </summary>
    public static void CollectionRead(object collection, string member, int site)
    {
        if (collection is null) return;   // the call itself throws
        try
        {
            Common.InternalErrors.Inject(CollectionSite);
            CollectionReadChecked(collection, member, site);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(CollectionSite, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    const string CollectionSite = "RaceChecks.Collection";

    static void CollectionReadChecked(object collection, string member, int site)
    {
        var thread = RaceThread.Current;
        long epoch = thread.Epoch;
        if (RaceOptions.Stats) thread.Accesses++;
        var shadow = Collections.CollectionShadows.Of(collection);
        if (shadow.Cell.Read == epoch || shadow.Cell.Write == epoch)
        {
            if (RaceOptions.Stats) thread.SameEpoch++;
            return;
        }
        FastTrack.ReadCollection(thread, ref shadow.Cell, collection, shadow.Id, site, Collections.CollectionShadows.Describe(collection, member, write: false));
    }

    /// <summary>Before a mutating call on a non-thread-safe collection: one write of its shadow cell.</summary>
    public static void CollectionWrite(object collection, string member, int site)
    {
        if (collection is null) return;
        try
        {
            Common.InternalErrors.Inject(CollectionSite);
            CollectionWriteChecked(collection, member, site);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(CollectionSite, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    static void CollectionWriteChecked(object collection, string member, int site)
    {
        var thread = RaceThread.Current;
        long epoch = thread.Epoch;
        if (RaceOptions.Stats) thread.Accesses++;
        var shadow = Collections.CollectionShadows.Of(collection);
        if (shadow.Cell.Write == epoch)
        {
            if (RaceOptions.Stats) thread.SameEpoch++;
            return;
        }
        FastTrack.WriteCollection(thread, ref shadow.Cell, collection, shadow.Id, site, Collections.CollectionShadows.Describe(collection, member, write: true));
    }
}
