using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Memory;

/// <summary>
/// The shadow of managed arrays whose contents are not initialised: rented from a pool, or made by
/// GC.AllocateUninitializedArray. A side table keyed by the array object (the GC moves arrays, so no address-keyed
/// shadow can follow them) holds one shadow byte per element byte and the origin. Every other array is defined: until
/// the first such array exists, each check is one read of a static field.
/// </summary>
public static class RentedArrays
{
    sealed class Shadow(int length, int origin)
    {
        public readonly byte[] Bits = Poisoned(length);
        public int Origin = origin;

        /// <summary>Set when the table drops or replaces this shadow, so that <see cref="s_recent"/> stops handing it out.</summary>
        public volatile bool Replaced;

        static byte[] Poisoned(int length)
        {
            var bits = new byte[length];
            DefinednessShadow.FillBytes(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(bits), 0xFF, (nuint)bits.Length);
            return bits;
        }
    }

    static readonly ConditionalWeakTable<Array, Shadow> s_table = new();

    /// <summary>The last array looked up and its shadow: a loop over one rented buffer looks the table up once, not per element.</summary>
    sealed class Recent(Array array, Shadow shadow)
    {
        public readonly Array Array = array;
        public readonly Shadow Shadow = shadow;
    }

    /// <summary>Holds its array alive until the next lookup of another one (one array at most).</summary>
    static Recent? s_recent;

    static bool Find(Array array, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Shadow? shadow)
    {
        var recent = s_recent;
        if (recent is not null && ReferenceEquals(recent.Array, array) && !recent.Shadow.Replaced)
        {
            shadow = recent.Shadow;
            return true;
        }
        if (!s_table.TryGetValue(array, out shadow)) return false;
        s_recent = new Recent(array, shadow);
        return true;
    }

    static void Put(Array array, Shadow shadow)
    {
        if (s_table.TryGetValue(array, out var old)) old.Replaced = true;
        s_table.AddOrUpdate(array, shadow);
    }

    static void Drop(Array array)
    {
        if (!s_table.TryGetValue(array, out var old)) return;
        old.Replaced = true;
        s_table.Remove(array);
    }

    static volatile bool s_any;

    const string Site = "MemorySanitizer.RentedArray";

    /// <summary>Makes every byte of <paramref name="array"/> undefined, created at <paramref name="origin"/>.</summary>
    public static void Poison(Array array, int elementSize, int origin)
    {
        Put(array, new Shadow(checked(array.Length * elementSize), origin));
        s_any = true;
    }

    /// <summary>Makes bytes [start, start+count) of an array undefined (an annotated pool); starts tracking it if needed.</summary>
    public static void PoisonRange(Array array, int elementSize, long start, long count, int origin)
    {
        if (!Find(array, out var shadow))
        {
            shadow = new Shadow(checked(array.Length * elementSize), origin);
            shadow.Bits.AsSpan().Clear();   // only the annotated range is undefined
            Put(array, shadow);
        }
        s_any = true;
        long from = Math.Clamp(start, 0, shadow.Bits.Length), to = Math.Clamp(start + count, from, shadow.Bits.Length);
        DefinednessShadow.FillBytes(ref Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(shadow.Bits), (nint)from), 0xFF, (nuint)(to - from));
        shadow.Origin = origin;
    }

    /// <summary>Shadow of element <paramref name="index"/> (of <paramref name="size"/> bytes); 0 for arrays that are not tracked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Load(Array? array, int index, int size, out int origin)
    {
        origin = 0;
        if (!s_any || array is null) return 0;
        return LoadSlow(array, index, size, out origin);
    }

    /// <summary>
    /// Shadow of element <paramref name="index"/>, without its origin (<see cref="OriginOf"/>): the hot path of every
    /// element load. No out parameter, so the caller's origin local is not address-exposed; the table lookup stays out
    /// of line, so the caller's loop keeps its registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long LoadShadow(Array? array, int index, int size)
    {
        if (!s_any || array is null) return 0;
        return LoadShadowSlow(array, index, size);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static long LoadShadowSlow(Array array, int index, int size) => LoadSlow(array, index, size, out _);

    /// <summary>The origin of an element load whose shadow <see cref="LoadShadow"/> returned (0 when defined).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int OriginOf(Array? array, long shadow) => shadow == 0 || array is null ? 0 : OriginSlow(array);

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int OriginSlow(Array array) => Find(array, out var shadow) ? shadow.Origin : 0;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static long LoadSlow(Array array, int index, int size, out int origin)
    {
        origin = 0;
        if (!Find(array, out var shadow)) return 0;
        long start = (long)index * size;
        if (start < 0 || start + size > shadow.Bits.Length) return 0;   // the access itself throws
        long bits = 0;
        for (int k = 0; k < size; k++) bits |= (long)shadow.Bits[start + k] << (8 * k);
        if (bits != 0) origin = shadow.Origin;
        return bits;
    }

    /// <summary>
    /// A store of element <paramref name="index"/>: its bytes take the stored value's shadow. An undefined value stored
    /// into any array (not only a rented one) starts tracking it, every other element defined (MSan: an array element
    /// is memory like any other).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Array? array, int index, int size, long bits, int origin)
    {
        if (array is null || !s_any && bits == 0) return;
        StoreSlow(array, index, size, bits, origin);
    }

    /// <summary>
    /// <see cref="Store(Array?, int, int, long, int)"/> at IL site <paramref name="site"/>: with track_origins=2 an undefined
    /// element's origin gains a link saying it was stored here, as pointer stores do (the flag folds away at 0/1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Array? array, int index, int size, long bits, int origin, int site)
    {
        if (bits != 0 && array is not null && MemoryChecks.s_chainStores) origin = MemoryChecks.ChainStore(origin, site);
        Store(array, index, size, bits, origin);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void StoreSlow(Array array, int index, int size, long bits, int origin)
    {
        if (!Find(array, out var shadow))
        {
            if (bits == 0 || TrackDefined(array, size) is not { } tracked) return;
            shadow = tracked;
        }
        long start = (long)index * size;
        if (start < 0 || start + size > shadow.Bits.Length) return;
        for (int k = 0; k < size; k++) shadow.Bits[start + k] = k < 8 ? (byte)(bits >> (8 * k)) : bits == 0 ? (byte)0 : (byte)0xFF;
        if (bits != 0) shadow.Origin = origin;
    }

    const string TrackSite = "MemorySanitizer.ArrayElementStore";

    /// <summary>Starts a fully defined shadow for an array that is about to receive an undefined element; null if it cannot.</summary>
    static Shadow? TrackDefined(Array array, int elementSize)
    {
        try
        {
            Common.InternalErrors.Inject(TrackSite);
            var shadow = new Shadow(checked(array.Length * elementSize), 0);
            shadow.Bits.AsSpan().Clear();
            Put(array, shadow);
            s_any = true;
            return shadow;
        }
        catch (Exception e) when (Common.InternalErrors.Contain(TrackSite, e))
        {
            return null;   // untracked: the element reads as defined, never a report
        }
    }

    /// <summary>
    /// The array is handed where SharpSan cannot follow the writes (an element address, a span, an unknown method):
    /// taken as defined from now on, so a write it cannot see never turns into a report.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Escape(object? array)
    {
        if (!s_any || array is not Array a) return;
        Drop(a);
    }

    /// <summary>Bytes [start, start+count) were written by a producer (Stream.Read): defined.</summary>
    public static void Define(Array? array, long start, long count)
    {
        if (!s_any || array is null || !Find(array, out var shadow)) return;
        long from = Math.Clamp(start, 0, shadow.Bits.Length), to = Math.Clamp(start + count, from, shadow.Bits.Length);
        shadow.Bits.AsSpan((int)from, (int)(to - from)).Clear();
    }

    /// <summary>First undefined byte of [start, start+count) of a tracked array, or -1.</summary>
    public static long FirstUndefined(Array? array, long start, long count, out int origin)
    {
        origin = 0;
        if (!s_any || array is null || !Find(array, out var shadow)) return -1;
        long from = Math.Clamp(start, 0, shadow.Bits.Length), to = Math.Clamp(start + count, from, shadow.Bits.Length);
        int at = shadow.Bits.AsSpan((int)from, (int)(to - from)).IndexOfAnyExcept((byte)0);
        if (at < 0) return -1;
        origin = shadow.Origin;
        return at + from - start;
    }

    // For the BCL table's copies (Memory/Bcl/ArrayShadow): the shadow bytes of a tracked array, and tracking one from a copy.

    /// <summary>The shadow bytes (one per element byte) and origin of a tracked array; null when it is not tracked (defined).</summary>
    internal static byte[]? BitsOf(Array? array, out int origin)
    {
        origin = 0;
        if (!s_any || array is null || !Find(array, out var shadow)) return null;
        origin = shadow.Origin;
        return shadow.Bits;
    }

    /// <summary>The shadow bytes of <paramref name="array"/>, tracking it first (all defined) when it was not.</summary>
    internal static byte[] TrackedBits(Array array, int elementSize, int origin)
    {
        if (!Find(array, out var shadow))
        {
            shadow = new Shadow(checked(array.Length * elementSize), origin);
            shadow.Bits.AsSpan().Clear();
            Put(array, shadow);
        }
        s_any = true;
        if (origin != 0) shadow.Origin = origin;
        return shadow.Bits;
    }
}
