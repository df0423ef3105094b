namespace SharpSan.Runtime.Memory;

/// <summary>
/// The origins of one shadow page (one 4-byte id per 4 data bytes, MSan's granularity), kept in a header after the
/// page's shadow bytes: while every granule of the page has the same origin — the usual case, a large allocation
/// poisoned at once — the header holds that one id and no table exists; the 64 KiB table is made the first time a
/// second origin is written into the page. That halves the shadow memory of big native buffers.
/// </summary>
/// <remarks>Header: the table pointer (null = uniform), then the uniform id (0 = none recorded yet).</remarks>
internal static unsafe class ShadowPageOrigins
{
    public const int HeaderSize = 16;
    const int Granules = (int)(DefinednessShadow.PageSize >> 2);

    static int** TableSlot(byte* page) => (int**)(page + DefinednessShadow.PageSize);
    static int* UniformSlot(byte* page) => (int*)(page + DefinednessShadow.PageSize + sizeof(nint));

    /// <summary>The origin of the granule holding page offset <paramref name="offset"/>.</summary>
    public static int Get(byte* page, nuint offset)
    {
        int* table = (int*)Volatile.Read(ref *(nint*)TableSlot(page));
        return table == null ? *UniformSlot(page) : table[offset >> 2];
    }

    /// <summary>Sets the origin of the granules covering page offsets [first, last].</summary>
    public static void Set(byte* page, nuint first, nuint last, int origin)
    {
        int* table = (int*)Volatile.Read(ref *(nint*)TableSlot(page));
        if (table == null)
        {
            int uniform = *UniformSlot(page);
            // One origin for the page so far (or none recorded: an unknown origin may take this one): no table needed.
            if (uniform == origin || uniform == 0)
            {
                *UniformSlot(page) = origin;
                return;
            }
            table = MakeTable(page, uniform);
            if (table == null) return;   // out of memory: the origin stays imprecise, the shadow is exact
        }
        nuint from = first >> 2, to = last >> 2;
        if (from == to) table[from] = origin;
        else new Span<int>(table + from, (int)(to - from + 1)).Fill(origin);
    }

    /// <summary>A whole page poisoned with one origin: uniform again (a table already made is filled, never freed under a racing reader).</summary>
    public static void SetWholePage(byte* page, int origin)
    {
        int* table = (int*)Volatile.Read(ref *(nint*)TableSlot(page));
        if (table == null) *UniformSlot(page) = origin;
        else new Span<int>(table, Granules).Fill(origin);
    }

    static readonly object s_tableLock = new();

    /// <summary>The page's table, made on first need from its uniform origin; null when no memory could be mapped.</summary>
    static int* MakeTable(byte* page, int uniform)
    {
        lock (s_tableLock)
        {
            int* table = *TableSlot(page);
            if (table != null) return table;
            table = (int*)DefinednessShadow.MapZeroed((nuint)Granules * sizeof(int));
            if (table == null) return null;
            new Span<int>(table, Granules).Fill(uniform);
            Volatile.Write(ref *(nint*)TableSlot(page), (nint)table);
            return table;
        }
    }
}
