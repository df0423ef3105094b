using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SharpSan.Runtime.Common.Options;
using SharpSan.Runtime.Common.Threads;

namespace SharpSan.Runtime.Address.Allocator;

/// <summary>What a free attempt found; the caller turns problems into reports.</summary>
public enum FreeOutcome { Freed, NotOurs, DoubleFree, Interior, Mismatch }

/// <summary>
/// The redzone allocator behind every intercepted native allocation API. Chunks come from the system
/// allocator with redzones on both sides, poisoned in the shadow; freed chunks go to a FIFO quarantine.
/// Metadata lives in a header inside the left redzone, so malloc and free take no global lock.
/// </summary>
public sealed unsafe class HeapAllocator
{
    readonly int _minRedzone, _maxRedzone, _maxFill;
    readonly byte _fillByte;
    readonly Quarantine _quarantine;
    readonly SlabAllocator _slab;

    /// <summary>Large (and over-aligned) chunks, which come from the system allocator; small ones are found by walking the slab.</summary>
    public LiveChunks Live { get; } = new();

    public HeapAllocator(SanitizerOptions options)
    {
        _minRedzone = options.Redzone;
        _maxRedzone = options.MaxRedzone;
        ChunkLayout.Configure(_minRedzone, _maxRedzone);
        _fillByte = options.MallocFillByte;
        _maxFill = options.MaxMallocFillSize;
        _quarantine = new Quarantine(options.QuarantineBytes, Release);
        _slab = new SlabAllocator(_minRedzone, _maxRedzone);
        InterlockedMax(ref s_largestChunk, (long)_slab.Classes[^1].SlotSize);
    }

    /// <summary>Small chunks with ordinary alignment live in the slab; the rest come from malloc.</summary>
    static bool IsSlabChunk(ulong size, nuint alignment) => alignment <= 16 && size <= SlabAllocator.MaxUserSize;

    public Quarantine Quarantine => _quarantine;

    long _liveCount;

    /// <summary>Chunks allocated and not yet freed (lets exit-time leak checking skip all work when nothing is live).</summary>
    public long LiveCount => Volatile.Read(ref _liveCount);

    static long s_largestChunk;

    static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    public void* Allocate(ulong size, nuint alignment, AllocationFamily family, bool zero, int allocStack)
    {
        if (size >= 1UL << 40) throw new OutOfMemoryException();
        if (IsSlabChunk(size, alignment)) return AllocateSmall(size, family, zero, allocStack);
        var layout = ChunkLayout.For(size, alignment, _minRedzone, _maxRedzone);
        // glibc's malloc already aligns to 16; memalign only for stricter requests.
        byte* raw = layout.Alignment <= 16 ? (byte*)NativeMemory.Alloc(layout.Total) : (byte*)NativeMemory.AlignedAlloc(layout.Total, layout.Alignment);
        if (raw == null) throw new OutOfMemoryException();
        if ((long)layout.Total > Volatile.Read(ref s_largestChunk)) InterlockedMax(ref s_largestChunk, (long)layout.Total);
        byte* user = raw + layout.LeftRedzone;

        // Redzones are zeroed so that a stale header can never be mistaken for a live one.
        NativeMemory.Clear(raw, layout.LeftRedzone);
        NativeMemory.Clear(user + size, layout.UserRounded - (nuint)size + layout.RightRedzone);
        if (zero) NativeMemory.Clear(user, (nuint)size);
        else if (_maxFill > 0) NativeMemory.Fill(user, (nuint)Math.Min(size, (ulong)_maxFill), _fillByte);

        ShadowMemory.Poison((nuint)raw, layout.LeftRedzone, ShadowCode.HeapLeftRedzone);
        ShadowMemory.Unpoison((nuint)user, (nuint)size);
        nuint tailStart = ((nuint)user + (nuint)size + 7) & ~(nuint)7;
        ShadowMemory.Poison(tailStart, (nuint)(raw + layout.Total) - tailStart, ShadowCode.HeapLeftRedzone);

        Header(user)->Initialize(size, family, layout.Alignment, allocStack, ThreadRegistry.CurrentId);
        Live.Add((nuint)user);
        Interlocked.Increment(ref _liveCount);
        return user;
    }

    void* AllocateSmall(ulong size, AllocationFamily family, bool zero, int allocStack)
    {
        var c = _slab.ClassFor(size);
        byte* user = (byte*)_slab.Take(c) + c.LeftRedzone;
        if (zero) NativeMemory.Clear(user, (nuint)size);
        else if (_maxFill > 0) FillSmall(user, (nuint)Math.Min(size, (ulong)_maxFill), _fillByte);
        ChunkShadow.Unpoison((nuint)user, (nuint)size);   // the rest of a free slot is already poisoned
        Header(user)->Initialize(size, family, 16, allocStack, ThreadRegistry.CurrentId);
        Interlocked.Increment(ref _liveCount);
        return user;
    }

    /// <summary>
    /// malloc_fill_byte for a small chunk: word stores in place of a span fill, whose call and set-up cost more than the
    /// stores for the few dozen bytes most chunks have (and which runs quick-jitted for a while). Exactly n bytes.
    /// </summary>
    static void FillSmall(byte* p, nuint n, byte value)
    {
        if (n > 256) { NativeMemory.Fill(p, n, value); return; }
        ulong wide = value * 0x0101_0101_0101_0101UL;
        nuint i = 0;
        for (; i + 8 <= n; i += 8) Unsafe.WriteUnaligned(p + i, wide);
        for (; i < n; i++) p[i] = value;
    }

    /// <summary>Where a chunk of this size lives: the offset of its user bytes in its block, the block's size, and whether the slab holds it.</summary>
    public (nuint LeftRedzone, nuint Footprint, bool Small) Footprint(ulong size, nuint alignment)
    {
        if (IsSlabChunk(size, alignment))
        {
            var c = _slab.ClassFor(size);
            return (c.LeftRedzone, c.SlotSize, true);
        }
        var layout = ChunkLayout.For(size, alignment, _minRedzone, _maxRedzone);
        return (layout.LeftRedzone, layout.Total, false);
    }

    /// <summary>Every chunk currently allocated (not freed): the large ones from the live set, the small ones by walking the slab.</summary>
    public List<nuint> LiveChunkStarts()
    {
        var result = Live.Snapshot();
        foreach (var (c, slot) in _slab.CarvedSlots())
        {
            var header = Header((byte*)(slot + c.LeftRedzone));
            if (header->IsValid && header->State == ChunkState.Allocated) result.Add(slot + c.LeftRedzone);
        }
        return result;
    }

    /// <summary>Frees <paramref name="p"/> into the quarantine, or says why it cannot.</summary>
    public FreeOutcome Free(void* p, AllocationFamily family, int freeStack, out ChunkView chunk)
    {
        if (!TryGetChunk((nuint)p, out chunk)) return ClassifyForeign((nuint)p, out chunk);
        if (chunk.State == ChunkState.Quarantined) return FreeOutcome.DoubleFree;   // before the family check, as ASan
        if (chunk.Family != family) return FreeOutcome.Mismatch;
        return FreeUnchecked(chunk, freeStack);
    }

    /// <summary>Frees a chunk already validated by the caller (after a reported mismatch, ASan frees anyway).</summary>
    public FreeOutcome FreeUnchecked(ChunkView chunk, int freeStack)
    {
        var header = Header((byte*)chunk.UserBegin);
        if (!header->TryMarkFreed()) return FreeOutcome.DoubleFree;
        Interlocked.Decrement(ref _liveCount);
        bool small = IsSlabChunk(chunk.UserSize, chunk.Alignment);
        if (!small) Live.Remove(chunk.UserBegin);
        *(FreeRecord*)chunk.UserBegin = new FreeRecord { FreeStack = freeStack, FreeThread = ThreadRegistry.CurrentId };
        ChunkShadow.Poison(chunk.UserBegin, (nuint)chunk.RoundedSize, ShadowCode.HeapFreed);
        long bytes = small ? (long)_slab.ClassFor(chunk.UserSize).SlotSize
            : (long)ChunkLayout.For(chunk.UserSize, chunk.Alignment, _minRedzone, _maxRedzone).Total;
        _quarantine.Put(chunk.UserBegin, bytes);
        return FreeOutcome.Freed;
    }

    void Release(nuint user)
    {
        var header = Header((byte*)user);
        nuint alignment = header->Alignment;
        // A header overwritten after a reported underflow cannot say where the raw block starts: leak it rather than crash.
        if (!header->IsValid) return;
        if (IsSlabChunk(header->UserSize, alignment))
        {
            var c = _slab.ClassFor(header->UserSize);
            ChunkShadow.Poison(user, (nuint)((Math.Max(header->UserSize, 1) + 7) & ~7UL), ShadowCode.HeapLeftRedzone);
            header->Invalidate();
            _slab.Give(c, user - c.LeftRedzone);
            return;
        }
        var layout = ChunkLayout.For(header->UserSize, header->Alignment, _minRedzone, _maxRedzone);
        byte* raw = (byte*)user - layout.LeftRedzone;
        header->Invalidate();
        ShadowMemory.Clear((nuint)raw, layout.Total);
        if (alignment <= 16) NativeMemory.Free(raw);
        else NativeMemory.AlignedFree(raw);
    }

    static ChunkHeader* Header(byte* user) => (ChunkHeader*)(user - ChunkHeader.Size);

    /// <summary>True when <paramref name="user"/> is the start of a live or quarantined chunk of ours.</summary>
    public static bool TryGetChunk(nuint user, out ChunkView chunk)
    {
        chunk = default;
        if ((user & 15) != 0 || user < 4096) return false;
        if ((byte)ShadowMemory.Read(user - 16) != (byte)ShadowCode.HeapLeftRedzone ||
            (byte)ShadowMemory.Read(user - 8) != (byte)ShadowCode.HeapLeftRedzone) return false;
        var header = Header((byte*)user);
        if (!header->IsValid) return false;
        chunk = new ChunkView(user, *header);
        return true;
    }

    /// <summary>
    /// The chunk whose region or redzones hold <paramref name="address"/>: the nearest chunk starting at or before it
    /// (searching the shadow left through user bytes and redzones) and the next one after it (searching right through
    /// the redzone run). Between the two, ASan's choice: an allocated chunk over a freed one, else the nearer.
    /// Only for reports; it may walk far for a huge chunk.
    /// </summary>
    public static bool TryFindChunkNear(nuint address, out ChunkView chunk)
    {
        // No chunk is larger than the largest ever allocated, which bounds the walk to the left.
        long limit = Volatile.Read(ref s_largestChunk) + 16;
        ChunkView? left = null, right = null;
        nuint g = address & ~(nuint)15;
        for (long walked = 0; walked <= limit && g >= 4096; walked += 16, g -= 16)
        {
            if (TryGetChunk(g, out var c)) { left = c; break; }
        }
        g = (address & ~(nuint)15) + 16;
        for (long walked = 0; walked < (1 << 20); walked += 16, g += 16)
        {
            // The next chunk's header sits in the redzone granule just before its user bytes.
            if ((byte)ShadowMemory.Read(g - 16) != (byte)ShadowCode.HeapLeftRedzone) break;
            if (TryGetChunk(g, out var c)) { right = c; break; }
        }
        if (left is { } l && address < l.UserBegin + (nuint)l.RoundedSize) { chunk = l; return true; }
        bool leftNear = left is { } ln && address < ln.UserBegin + (nuint)ln.RoundedSize + ln.RightRedzoneGuess;
        if (leftNear && right is { } rn) { chunk = Choose(address, left!.Value, rn); return true; }
        if (leftNear) { chunk = left!.Value; return true; }
        if (right is { } r) { chunk = r; return true; }
        if (left is { } l2) { chunk = l2; return true; }
        chunk = default;
        return false;
    }

    /// <summary>ASan's ChooseChunk for an address between two chunks: allocated before quarantined, then the nearer.</summary>
    static ChunkView Choose(nuint address, ChunkView left, ChunkView right)
    {
        if (left.State != right.State)
            return left.State == ChunkState.Allocated || right.State != ChunkState.Allocated ? left : right;
        nuint pastLeft = address - (left.UserBegin + (nuint)left.UserSize);
        nuint beforeRight = right.UserBegin - address;
        return pastLeft < beforeRight ? left : right;
    }

    /// <summary>
    /// True when <paramref name="p"/> lies in a chunk of ours without being its start: in its user bytes, or in
    /// its redzones or freed bytes (shadow that only SharpSan writes).
    /// </summary>
    public static bool IsInsideSomeChunk(nuint p, out ChunkView chunk)
    {
        byte code = (byte)ShadowMemory.Read(p);
        bool ours = code is (byte)ShadowCode.HeapLeftRedzone or (byte)ShadowCode.HeapFreed;
        if (TryFindChunkNear(p, out chunk) && (ours || (p >= chunk.UserBegin && p < chunk.UserBegin + (nuint)chunk.RoundedSize)))
            return true;
        return ours;
    }

    /// <summary>A pointer that is not a chunk start: interior of one of our chunks, or foreign memory.</summary>
    static FreeOutcome ClassifyForeign(nuint p, out ChunkView chunk)
    {
        if (IsInsideSomeChunk(p, out chunk)) return FreeOutcome.Interior;
        chunk = default;
        return FreeOutcome.NotOurs;
    }
}

/// <summary>A read-only snapshot of one chunk's metadata, for checks and reports.</summary>
public readonly unsafe struct ChunkView(nuint userBegin, ChunkHeader header)
{
    public nuint UserBegin { get; } = userBegin;
    public ulong UserSize => header.UserSize;
    public ulong RoundedSize => (Math.Max(UserSize, 1) + 7) & ~7UL;
    public nuint Alignment => header.Alignment;
    public AllocationFamily Family => header.Family;
    public ChunkState State => header.State;
    public int AllocStack => header.AllocStack;
    public int AllocThread => header.AllocThread;
    public FreeRecord Free => State == ChunkState.Quarantined ? *(FreeRecord*)UserBegin : default;
    /// <summary>How far past its rounded end a chunk's own redzone reaches at least (the configured redzones for its size).</summary>
    public nuint RightRedzoneGuess => ChunkLayout.RedzoneFor(UserSize, ChunkLayout.ConfiguredMinRedzone, ChunkLayout.ConfiguredMaxRedzone);
}
