using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SharpSan.Runtime.Address.Pools;

/// <summary>
/// The ArrayPool contract hands out "an array at least this long": code that asks the array for its Length and
/// uses all of it is correct (IBufferWriter implementations return the whole remaining capacity,
/// <c>stream.Read(buffer, 0, buffer.Length)</c> fills it). So the rewriter calls <see cref="Claim{T}"/> before every
/// <c>ldlen</c> in checked code, and a rented array whose Length has been read loses its poisoned tail. What stays
/// a pool-buffer-overflow is an access past the requested length by code that never asked for the capacity: an
/// off-by-one against the size it requested, or a size left over from another rental — bugs the pool's rounding
/// up hides at run time. The fast path is one shadow load (the last element's), as for an element access.
/// </summary>
public static unsafe class PoolCapacity
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Claim<T>(T[]? array)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>() || array is null || array.Length == 0) return;
        nuint last = (nuint)Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), array.Length - 1));
        if (*(sbyte*)((last >> ShadowMemory.GranuleShift) + ShadowMemory.Base) != 0) Slow(array, Unsafe.SizeOf<T>());
    }

    /// <summary>
    /// Found by the array object, not through <c>CheckingArrayPool&lt;T&gt;</c>: the code may see a pooled int[] as a
    /// uint[] or an enum array, and an array that is not pooled (unpin poison) simply has no record.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Slow(Array array, int elementSize)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            if (!PooledArrays.TryGet(array, out var record)) return;
            lock (record)
            {
                if (record.State == PoolArrayState.Rented) ShadowMemory.Unpoison(record.Begin, record.Bytes);
            }
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e))
        {
            // Lift the tail without the records, or a use of the whole capacity would be reported.
            ShadowMemory.Unpoison((nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array)), (nuint)array.Length * (nuint)elementSize);
        }
    }

    const string Site = "PoolCapacity.Claim";
}
