using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Memory;

/// <summary>
/// The entry points MemorySanitizer's instrumentation calls (MSan's __msan_* interface): shadow loads and stores
/// beside each pointer access, copies, and the checks at the uses of a value. A value's shadow travels in a long
/// beside it (one bit per data bit, 0 = fully defined) and its origin in an int. Small and inlinable; the report
/// path is out of line.
/// </summary>
public static unsafe class MemoryChecks
{
    /// <summary>Shadow of the <paramref name="size"/> bytes a load reads at <paramref name="p"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Load(void* p, int size, out int origin) => DefinednessShadow.Load((nuint)p, size, out origin);

    /// <summary>
    /// Shadow of the <paramref name="size"/> bytes a load reads at <paramref name="p"/>, without the origin: the
    /// instrumentation asks <see cref="LoadOrigin"/> next, so the caller's origin local is never address-taken (an
    /// address-taken local lives in memory, in the hottest loops).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long LoadShadow(void* p, int size) => DefinednessShadow.LoadShadow((nuint)p, size);

    /// <summary>The origin of the bytes a load read, given the shadow <see cref="LoadShadow"/> returned (0 when defined).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LoadOrigin(void* p, int size, long shadow) => shadow == 0 ? 0 : DefinednessShadow.OriginOfRange((nuint)p, size);

    /// <summary>A store of <paramref name="size"/> bytes whose value has this shadow and origin.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(void* p, int size, long shadow, int origin) => DefinednessShadow.Store((nuint)p, size, shadow, origin);

    /// <summary>
    /// A store at IL site <paramref name="site"/>: with track_origins=2 an undefined value's origin gains a link saying
    /// it was stored here (the flag is a static readonly the JIT folds: at 0/1 this is the store above).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(void* p, int size, long shadow, int origin, int site)
    {
        if (shadow != 0 && s_chainStores) origin = ChainStore(origin, site);
        DefinednessShadow.Store((nuint)p, size, shadow, origin);
    }

    internal static readonly bool s_chainStores = Origins.Tracking == 2;

    const string ChainSite = "MemorySanitizer.ChainOrigin";

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int ChainStore(int origin, int site)
    {
        try
        {
            Common.InternalErrors.Inject(ChainSite);
            return Origins.Chain(origin, MemorySanitizer.CaptureStackId(-1, SharpSan.Runtime.Address.Sites.Offset(site)));
        }
        catch (Exception e) when (Common.InternalErrors.Contain(ChainSite, e))
        {
            return origin;
        }
    }

    /// <summary>A conditional branch or switch on the value: undefined bits are a report.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Branch(long shadow, int origin, int site)
    {
        if (shadow != 0) MemorySanitizer.ReportUse(origin, site, null);
    }

    /// <summary>The value is used as an address (dereferenced).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Address(long shadow, int origin, int site)
    {
        if (shadow != 0) MemorySanitizer.ReportUse(origin, site, null);
    }

    /// <summary>The value is a divisor, an array index, a stackalloc size or a P/Invoke argument: checked like a branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Operand(long shadow, int origin, int site)
    {
        if (shadow != 0) MemorySanitizer.ReportUse(origin, site, null);
    }

    /// <summary>
    /// A counted loop's definedness test, run once when it is entered: are the bytes its accesses <c>p[i]</c> read,
    /// <paramref name="start"/> ≤ i &lt; <paramref name="end"/>, <paramref name="scale"/> bytes apart and <paramref name="size"/>
    /// bytes each, all defined? True lets the loop's loads skip their shadow work (and stores of defined values theirs)
    /// until a store of an undefined value clears the flag; a range over 4 GiB or one wrapping the address space answers false.
    /// </summary>
    public static bool LoopRangeDefined(void* p, nint start, nint end, nint scale, int size) =>
        end <= start || RangeDefined((nuint)p, (Int128)start * scale, ((Int128)end - start - 1) * scale + size);

    /// <summary><see cref="LoopRangeDefined"/> for an unsigned index (<c>nuint i; i &lt; n</c>).</summary>
    public static bool LoopRangeDefinedUnsigned(void* p, nuint start, nuint end, nint scale, int size) =>
        end <= start || RangeDefined((nuint)p, (Int128)start * scale, ((Int128)end - start - 1) * scale + size);

    static bool RangeDefined(nuint p, Int128 offset, Int128 bytes)
    {
        Int128 first = (Int128)(ulong)p + offset;
        if (bytes <= 0 || bytes > 1L << 32 || first <= 0 || first + bytes > ulong.MaxValue) return false;
        return DefinednessShadow.FirstUndefined((nuint)(ulong)first, (nuint)(ulong)bytes, out _) < 0;
    }

    /// <summary>
    /// A struct loaded from <paramref name="source"/> into a local: its bytes' shadow copied into the local's companion
    /// at <paramref name="destination"/>; returns the origin of the first undefined byte (0 when all are defined).
    /// </summary>
    public static int LoadShadowBlock(void* destination, void* source, int size)
    {
        int origin = 0;
        for (int k = 0; k < size; k++)
        {
            byte bits = (byte)DefinednessShadow.LoadShadow((nuint)source + (nuint)k, 1);
            ((byte*)destination)[k] = bits;
            if (bits != 0 && origin == 0) origin = DefinednessShadow.OriginOfRange((nuint)source + (nuint)k, 1);
        }
        return origin;
    }

    /// <summary>A struct local stored to <paramref name="destination"/>: the companion's shadow bytes written there, with the local's origin.</summary>
    public static void StoreShadowBlock(void* destination, void* shadow, int size, int origin)
    {
        for (int k = 0; k < size; k++)
        {
            byte bits = ((byte*)shadow)[k];
            DefinednessShadow.Store((nuint)destination + (nuint)k, 1, bits, bits == 0 ? 0 : origin);
        }
    }

    /// <summary>The shadow of a struct local's field, read from the companion's bytes (little-endian, 1..8 bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long RawShadow(void* shadow, int size) => size switch
    {
        1 => *(byte*)shadow,
        2 => Unsafe.ReadUnaligned<ushort>(shadow),
        4 => Unsafe.ReadUnaligned<uint>(shadow),
        _ => Unsafe.ReadUnaligned<long>(shadow),
    };

    /// <summary><c>cpblk</c>: the shadow moves with the bytes.</summary>
    public static void CopyBlock(void* destination, void* source, uint size) => DefinednessShadow.Copy((nuint)destination, (nuint)source, size);

    /// <summary><c>initblk</c>: the bytes written are defined.</summary>
    public static void InitBlock(void* destination, uint size) => DefinednessShadow.Unpoison((nuint)destination, size);

    /// <summary>A struct stored with <c>stobj</c> from a value that was not loaded from memory: defined.</summary>
    public static void Define(void* destination, int size) => DefinednessShadow.Unpoison((nuint)destination, (nuint)size);

    /// <summary>A branch on two operands (beq, blt, …): undefined bits in either are a report, with that operand's origin.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Branch2(long shadowA, int originA, long shadowB, int originB, int site)
    {
        if ((shadowA | shadowB) != 0) MemorySanitizer.ReportUse(shadowA != 0 ? originA : originB, site, null);
    }

    /// <summary>The origin of a result computed from two operands: the first undefined one's (MSan's select).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PickOrigin(long shadowA, int originA, int originB) => shadowA != 0 ? originA : originB;

    /// <summary>A buffer (pointer and length) passed to native code, which reads it: its first undefined byte is a report.</summary>
    public static void NativeBuffer(void* data, long length, int argument, int site)
    {
        if (data == null || length <= 0) return;
        long at = DefinednessShadow.FirstUndefined((nuint)data, (nuint)length, out int origin);
        if (at >= 0) MemorySanitizer.ReportUse(origin, site, $"Uninitialized bytes in argument {argument + 1} of a P/Invoke at offset {at} inside [0x{(nuint)data:x}, {length})");
    }
}
