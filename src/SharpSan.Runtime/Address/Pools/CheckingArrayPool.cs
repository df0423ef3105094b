using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Common.Threads;

namespace SharpSan.Runtime.Address.Pools;

/// <summary>
/// The pool checked code gets instead of <c>ArrayPool&lt;T&gt;.Shared</c> or a <c>Create(...)</c> pool.
/// It hands out arrays it allocates on the pinned object heap, so their elements have fixed addresses and can
/// be poisoned in ASan's shadow like native memory: while rented, the elements past the requested length are
/// <see cref="ShadowCode.ContainerOverflow"/> (pool-buffer-overflow); once returned, the whole array is
/// <see cref="ShadowCode.PoolReturned"/> (pool-use-after-return) and sits in a FIFO quarantine before it is
/// handed out again. Arrays of types that contain references are tracked (double return) but not shadowed.
/// Arrays that are not ours go to the wrapped pool untouched.
/// </summary>
public sealed class CheckingArrayPool<T> : ArrayPool<T>
{
    static readonly bool s_shadowed = !RuntimeHelpers.IsReferenceOrContainsReferences<T>();
    static readonly string s_elementName = ElementNames.Of(typeof(T));
    static readonly int s_rentFrame = SyntheticFrames.Register("System.Buffers.ArrayPool<T>.Rent(int)");
    static readonly int s_returnFrame = SyntheticFrames.Register("System.Buffers.ArrayPool<T>.Return(T[], bool)");

    /// <summary>Every array any checking pool of this element type handed out (a Return may name another pool).</summary>
    static readonly ConditionalWeakTable<T[], PoolRecord> s_records = new();

    readonly ArrayPool<T> _inner;
    readonly int _maximumLength;
    readonly PoolQuarantine<T> _quarantine;
    readonly object _lock = new();

    public CheckingArrayPool(ArrayPool<T> inner, int maximumLength = PoolBuckets.SharedMaximumLength)
    {
        _inner = inner;
        _maximumLength = maximumLength;
        _quarantine = new PoolQuarantine<T>(PoolOptions.QuarantineArrays, PoolOptions.QuarantineBytes, s_shadowed ? Unsafe.SizeOf<T>() : IntPtr.Size);
    }

    /// <summary>The instance checked code sees as <c>ArrayPool&lt;T&gt;.Shared</c>.</summary>
    public static CheckingArrayPool<T> Instance { get; } = new(ArrayPool<T>.Shared);

    public override T[] Rent(int minimumLength) => Rent(minimumLength, s_rentFrame);

    /// <param name="apiFrame">The synthetic frame on top of the Rent stack (ArrayPool.Rent, MemoryPool.Rent).</param>
    internal T[] Rent(int minimumLength, int apiFrame)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minimumLength);
        if (minimumLength == 0) return [];
        try
        {
            Common.InternalErrors.Inject(RentSite);
            return RentChecked(minimumLength, apiFrame);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(RentSite, e))
        {
            return _inner.Rent(minimumLength);   // unchecked; its Return finds no record and hands it back to the same pool
        }
    }

    const string RentSite = "CheckingArrayPool.Rent", ReturnSite = "CheckingArrayPool.Return";

    T[] RentChecked(int minimumLength, int apiFrame)
    {
        int stack = AddressSanitizer.CaptureStackId(apiFrame);
        int length = PoolBuckets.LengthFor(minimumLength, _maximumLength);
        T[]? array;
        bool quarantineChangedIt;
        lock (_lock) (array, quarantineChangedIt) = (_quarantine.TakeFree(length), _quarantine.Holds(length));
        PoolRecord record;
        if (array is null)
        {
            array = s_shadowed ? GC.AllocateUninitializedArray<T>(length, pinned: true) : new T[length];
            if (s_shadowed) Pins.PinnedObjects.MarkNeverMoves(array);
            record = new PoolRecord(array, s_shadowed ? AddressOf(array) : 0, length, Unsafe.SizeOf<T>(), s_elementName, s_shadowed);
            s_records.Add(array, record);
            if (s_shadowed) PooledArrays.Add(array, record);
        }
        else if (!s_records.TryGetValue(array, out record!))
        {
            throw new InvalidOperationException("SharpSan: a pooled array lost its record");
        }
        lock (record)
        {
            record.Requested = minimumLength;
            record.State = PoolArrayState.Rented;
            record.RentStack = stack;
            record.RentThread = ThreadRegistry.CurrentId;
            record.ReturnStack = 0;
            if (s_shadowed) PoisonTail(record);
        }
        if (quarantineChangedIt) QuarantineNote.Remember(array, s_elementName, minimumLength);
        return array;
    }

    public override void Return(T[] array, bool clearArray = false) => Return(array, clearArray, s_returnFrame);

    internal void Return(T[] array, bool clearArray, int apiFrame)
    {
        ArgumentNullException.ThrowIfNull(array);
        bool ours;
        try
        {
            Common.InternalErrors.Inject(ReturnSite);
            ours = s_records.TryGetValue(array, out var record);
            if (ours) ReturnOurs(array, record!, clearArray, apiFrame);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(ReturnSite, e))
        {
            return;   // dropped: an array that may be ours (poisoned) never goes to a pool that would lend it out again
        }
        if (!ours) _inner.Return(array, clearArray);
    }

    void ReturnOurs(T[] array, PoolRecord record, bool clearArray, int apiFrame)
    {
        int stack = AddressSanitizer.CaptureStackId(apiFrame);
        QuarantineNote.Returned(array);
        lock (record)
        {
            if (record.State == PoolArrayState.Returned)
            {
                // The second Return is dropped: otherwise two later Rents would share the array (dotnet/runtime #110582).
                SanitizerRuntime.Report(new PoolDoubleReturnError(record, StackDepot.Get(stack), ThreadRegistry.CurrentId));
                return;
            }
            if (clearArray) Array.Clear(array);
            record.State = PoolArrayState.Returned;
            record.ReturnStack = stack;
            record.ReturnThread = ThreadRegistry.CurrentId;
            if (s_shadowed) ShadowMemory.Poison(record.Begin, record.Bytes, ShadowCode.PoolReturned);
        }
        lock (_lock) _quarantine.Add(array);
    }

    /// <summary>Requested elements addressable (a partial last granule encoded), the rest of the array poisoned.</summary>
    static void PoisonTail(PoolRecord record)
    {
        nuint requested = (nuint)record.Requested * (nuint)record.ElementSize;
        ShadowMemory.Unpoison(record.Begin, requested);
        nuint poisonFrom = (requested + ShadowMemory.Granule - 1) & ~(nuint)(ShadowMemory.Granule - 1);
        if (poisonFrom < record.Bytes) ShadowMemory.Poison(record.Begin + poisonFrom, record.Bytes - poisonFrom, ShadowCode.ContainerOverflow);
    }

    static unsafe nuint AddressOf(T[] array) => (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));

    /// <summary>For tests: arrays waiting in this pool's quarantine.</summary>
    internal int QuarantinedCount { get { lock (_lock) return _quarantine.Count; } }

    /// <summary>For tests: the record of an array this pool type handed out.</summary>
    internal static bool TryGetRecord(T[] array, out PoolRecord record) => s_records.TryGetValue(array, out record!);
}
