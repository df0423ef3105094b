using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Address.Allocator;

/// <summary>
/// Shadow writes for one small chunk's user bytes, 8 shadow bytes at a time: most chunks span at most 16 granules
/// (128 bytes), where a generic span fill costs more in its call and set-up than in the stores.
/// Longer ranges go to <see cref="ShadowMemory"/>.
/// </summary>
internal static unsafe class ChunkShadow
{
    const int WideGranules = 16;

    /// <summary>Marks the granules of [address, address+size) with <paramref name="code"/>; address is granule aligned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Poison(nuint address, nuint size, ShadowCode code)
    {
        nuint granules = (size + ShadowMemory.Granule - 1) >> ShadowMemory.GranuleShift;
        if (granules > WideGranules) { ShadowMemory.Poison(address, size, code); return; }
        Fill((byte*)ShadowMemory.For(address), (int)granules, (byte)code);
    }

    /// <summary>Makes [address, address+size) addressable, its trailing partial granule encoded; address is granule aligned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Unpoison(nuint address, nuint size)
    {
        nuint whole = size >> ShadowMemory.GranuleShift;
        if (whole > WideGranules) { ShadowMemory.Unpoison(address, size); return; }
        byte* shadow = (byte*)ShadowMemory.For(address);
        Fill(shadow, (int)whole, 0);
        int tail = (int)(size & (ShadowMemory.Granule - 1));
        if (tail != 0) shadow[whole] = (byte)tail;
    }

    /// <summary>Stores <paramref name="count"/> (at most 16) copies of <paramref name="value"/>: two overlapping 8-byte stores from 8 up.</summary>
    static void Fill(byte* p, int count, byte value)
    {
        ulong wide = value * 0x0101_0101_0101_0101UL;
        if (count >= 8)
        {
            Unsafe.WriteUnaligned(p, wide);
            Unsafe.WriteUnaligned(p + count - 8, wide);
            return;
        }
        if (count >= 4)
        {
            Unsafe.WriteUnaligned(p, (uint)wide);
            Unsafe.WriteUnaligned(p + count - 4, (uint)wide);
            return;
        }
        for (int i = 0; i < count; i++) p[i] = value;
    }
}
