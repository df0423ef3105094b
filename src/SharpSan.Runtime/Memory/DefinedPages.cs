namespace SharpSan.Runtime.Memory;

/// <summary>
/// Remembers which shadow pages are all zero (every byte of their 64 KiB defined), so that range scans over them — a
/// counted loop's definedness test, a copy's "is the source defined" test, the clearing of a copy's destination — stop
/// at one compare instead of reading the shadow again. A page carries a write count, bumped after every write of
/// undefined bits into it, and the count at which a full scan last found it all zero: the proof holds while the two
/// agree. Only a cache of what a scan would answer, so reports and propagation are unchanged.
/// </summary>
/// <remarks>
/// Kept in the page header after <see cref="ShadowPageOrigins"/>'. A writer stores its bits first and bumps the count
/// after (a release store); a prover reads the count before it scans. So a scan that missed a
/// racing write records a count the write has already moved past, and the proof never holds over undefined bits.
/// A page is scanned whole at most once per write count (the <c>tried</c> stamp), once the clean ranges scanned in it
/// at that count add up to a page: a page dirtied between every few small scans (a stack buffer poisoned per call)
/// would otherwise pay a 64 KiB scan per loop entry, and the whole scan costs at most as much as the scans before it.
/// </remarks>
internal static unsafe class DefinedPages
{
    public const int HeaderSize = 4 * sizeof(long);
    const nuint Offset = DefinednessShadow.PageSize + ShadowPageOrigins.HeaderSize;

    static long* Writes(byte* page) => (long*)(page + Offset);
    static long* Proven(byte* page) => (long*)(page + Offset) + 1;
    static long* Tried(byte* page) => (long*)(page + Offset) + 2;
    static long* CleanBytes(byte* page) => (long*)(page + Offset) + 3;

    /// <summary>Undefined bits were just written into the page: any proof of it is void.</summary>
    /// <remarks>
    /// A plain increment published with release order (after the bits), not an interlocked one: hashmap poisons a
    /// small block twice per operation and a locked add each time is dear. Two threads dirtying one page at once may
    /// lose an increment; the count still moves past what a prover read before both, so that proof is still void
    /// (only an interleaving where a lost increment brings the count back to a stamped value could keep a stale proof).
    /// </remarks>
    public static void Dirtied(byte* page) => Volatile.Write(ref *Writes(page), *Writes(page) + 1);

    /// <summary>Whether the whole page is known to be all defined (stamps hold count + 1, so a new page proves nothing).</summary>
    public static bool IsDefined(byte* page) => Volatile.Read(ref *Proven(page)) == Volatile.Read(ref *Writes(page)) + 1;

    /// <summary>The index of the first undefined byte of [offset, offset + length) inside the page, or -1 when all are defined.</summary>
    public static int FirstUndefined(byte* page, nuint offset, nuint length)
    {
        long writes = Volatile.Read(ref *Writes(page));
        if (Volatile.Read(ref *Proven(page)) == writes + 1) return -1;
        int at = new ReadOnlySpan<byte>(page + offset, (int)length).IndexOfAnyExcept((byte)0);
        if (at >= 0) return at;
        bool whole = length == DefinednessShadow.PageSize;
        if (!whole && Volatile.Read(ref *Tried(page)) != writes + 1 && CleanScansAddUpToAPage(page, writes, length))
        {
            // The range was clean: try the rest of its page once per write count, so later ranges in it skip their scans.
            *Tried(page) = writes + 1;
            whole = new ReadOnlySpan<byte>(page, (int)offset).IndexOfAnyExcept((byte)0) < 0
                && new ReadOnlySpan<byte>(page + offset + length, (int)(DefinednessShadow.PageSize - offset - length)).IndexOfAnyExcept((byte)0) < 0;
        }
        if (whole) Volatile.Write(ref *Proven(page), writes + 1);
        return -1;
    }

    /// <summary>Adds a clean range's length to what was scanned at this write count; true once that reaches a page.</summary>
    /// <remarks>Racy by design (plain stores): a lost addition only delays or hastens one whole-page scan.</remarks>
    static bool CleanScansAddUpToAPage(byte* page, long writes, nuint length)
    {
        long stamp = (writes + 1) << 24;   // the count in the high bits, the bytes (capped) below
        long current = *CleanBytes(page);
        long bytes = (current & ~((1L << 24) - 1)) == stamp ? (current & ((1L << 24) - 1)) + (long)length : (long)length;
        if (bytes >= (long)DefinednessShadow.PageSize) return true;
        *CleanBytes(page) = stamp | bytes;
        return false;
    }
}
