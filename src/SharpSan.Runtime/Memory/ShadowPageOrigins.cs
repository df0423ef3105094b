namespace SharpSan.Runtime.Memory;

/// <summary>
/// The origins of one shadow page (one origin per 4 data bytes, MSan's granularity), kept in a header after the page's
/// shadow bytes. While every granule of the page has the same origin — the usual case, a large allocation poisoned at
/// once — the header holds that one id and no table exists. The first time a second origin is written into the page it
/// gets a compact table: a palette of up to <see cref="PaletteSize"/> ids and one byte per granule naming its palette
/// entry (17 KiB instead of 4 bytes per granule, 64 KiB): a heap of small blocks has few distinct origins per page (the
/// allocation and free sites), so its origins cost a quarter of what a 4-byte table would. A page that needs more
/// distinct origins than the palette holds is widened to the 64 KiB table of ids.
/// </summary>
/// <remarks>
/// Header: the table pointer (null = uniform; low bit set = compact, tables come page-aligned from mmap), then the
/// uniform id (0 = none recorded yet). Tables are never unmapped: a racing reader may still hold one. A write racing
/// the widening of its page may lose its origin (the origin stays imprecise; the shadow itself is exact).
/// </remarks>
internal static unsafe class ShadowPageOrigins
{
    public const int HeaderSize = 16;
    const int Granules = (int)(DefinednessShadow.PageSize >> 2);

    /// <summary>Distinct origins a compact table names (its granule index is one byte).</summary>
    const int PaletteSize = 255;
    const int CompactSize = sizeof(int) + PaletteSize * sizeof(int) + Granules;
    const nint CompactTag = 1;

    static nint* TableSlot(byte* page) => (nint*)(page + DefinednessShadow.PageSize);
    static int* UniformSlot(byte* page) => (int*)(page + DefinednessShadow.PageSize + sizeof(nint));

    // A compact table: the palette's entry count, the palette, one index byte per granule.
    static int* PaletteCount(byte* compact) => (int*)compact;
    static int* Palette(byte* compact) => (int*)compact + 1;
    static byte* Indices(byte* compact) => compact + sizeof(int) + PaletteSize * sizeof(int);

    /// <summary>The origin of the granule holding page offset <paramref name="offset"/>.</summary>
    public static int Get(byte* page, nuint offset)
    {
        nint table = Volatile.Read(ref *TableSlot(page));
        if (table == 0) return *UniformSlot(page);
        if ((table & CompactTag) != 0)
        {
            byte* compact = (byte*)(table & ~CompactTag);
            return Palette(compact)[Indices(compact)[offset >> 2]];
        }
        return ((int*)table)[offset >> 2];
    }

    /// <summary>Sets the origin of the granules covering page offsets [first, last].</summary>
    public static void Set(byte* page, nuint first, nuint last, int origin)
    {
        nint table = Volatile.Read(ref *TableSlot(page));
        if (table == 0)
        {
            int uniform = *UniformSlot(page);
            // One origin for the page so far (or none recorded: an unknown origin may take this one): no table needed.
            if (uniform == origin || uniform == 0)
            {
                *UniformSlot(page) = origin;
                return;
            }
            table = MakeCompact(page, uniform);
            if (table == 0) return;   // out of memory: the origin stays imprecise, the shadow is exact
        }
        nuint from = first >> 2, to = last >> 2;
        if ((table & CompactTag) != 0)
        {
            byte* compact = (byte*)(table & ~CompactTag);
            int entry = PaletteEntry(compact, origin);
            if (entry >= 0)
            {
                new Span<byte>(Indices(compact) + from, (int)(to - from + 1)).Fill((byte)entry);
                return;
            }
            table = Widen(page, compact);
            if (table == 0) return;
        }
        int* ids = (int*)table;
        if (from == to) ids[from] = origin;
        else new Span<int>(ids + from, (int)(to - from + 1)).Fill(origin);
    }

    /// <summary>A whole page poisoned with one origin: uniform again while it has no table (a table made is kept and filled).</summary>
    public static void SetWholePage(byte* page, int origin)
    {
        if (Volatile.Read(ref *TableSlot(page)) == 0) *UniformSlot(page) = origin;
        else Set(page, 0, DefinednessShadow.PageSize - 1, origin);
    }

    static readonly object s_tableLock = new();

    /// <summary>The palette entry of <paramref name="origin"/>, added when missing; -1 when the palette is full.</summary>
    static int PaletteEntry(byte* compact, int origin)
    {
        int* palette = Palette(compact);
        int count = Volatile.Read(ref *PaletteCount(compact));
        for (int k = 0; k < count; k++)
            if (palette[k] == origin) return k;
        lock (s_tableLock)
        {
            count = *PaletteCount(compact);
            for (int k = 0; k < count; k++)
                if (palette[k] == origin) return k;
            if (count == PaletteSize) return -1;
            palette[count] = origin;   // the entry before the count that publishes it
            Volatile.Write(ref *PaletteCount(compact), count + 1);
            return count;
        }
    }

    /// <summary>The page's compact table, made on first need with its uniform origin as entry 0; 0 when no memory could be mapped.</summary>
    static nint MakeCompact(byte* page, int uniform)
    {
        lock (s_tableLock)
        {
            nint table = *TableSlot(page);
            if (table != 0) return table;
            byte* compact = (byte*)DefinednessShadow.MapZeroed(CompactSize);
            if (compact == null) return 0;
            Palette(compact)[0] = uniform;   // every index byte is 0: the whole page keeps its origin
            *PaletteCount(compact) = 1;
            table = (nint)compact | CompactTag;
            Volatile.Write(ref *TableSlot(page), table);
            return table;
        }
    }

    /// <summary>The page's 4-byte table, made from its full compact one; 0 when no memory could be mapped.</summary>
    static nint Widen(byte* page, byte* compact)
    {
        lock (s_tableLock)
        {
            nint table = *TableSlot(page);
            if ((table & CompactTag) == 0) return table;
            int* ids = (int*)DefinednessShadow.MapZeroed((nuint)Granules * sizeof(int));
            if (ids == null) return 0;
            int* palette = Palette(compact);
            byte* indices = Indices(compact);
            for (int g = 0; g < Granules; g++) ids[g] = palette[indices[g]];
            Volatile.Write(ref *TableSlot(page), (nint)ids);
            return (nint)ids;
        }
    }
}
