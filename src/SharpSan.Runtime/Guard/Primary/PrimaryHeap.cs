using SharpSan.Runtime.Common.Native;

namespace SharpSan.Runtime.Guard.Primary;

/// <summary>Where a pointer handed to free lies in the primary heap.</summary>
internal enum HeapPosition { BlockStart, InsideBlock, BeforeFirstBlock }

/// <summary>
/// Guard mode's primary allocator for small blocks (Scudo's primary, simplified): one reserved region of address space
/// per size class, carved in strides and never returned; blocks recycle through per-thread caches (no lock, no system
/// call on the fast path) after a quarantine. Whether a pointer is ours, its class and its block follow from its
/// address alone, so a free reads nothing but the block's own header.
/// </summary>
internal sealed unsafe class PrimaryHeap
{
    const int RegionShift = 29;            // 512 MiB of address space per class; a full class sends requests to the large path
    const int FirstBlockOffset = 16;       // the first block's header sits at region + 8
    public const int CacheCapacity = 32;
    const int RefillBatch = CacheCapacity / 2;

    // A class's memory past its first 2 MiB is backed by transparent huge pages (madvise: the kernel's default mode
    // gives none to anonymous memory unasked). A big heap is read at random (hashmap: ~35 MB of nodes), and with 4 KiB
    // pages nearly every access missed the TLB. The first 2 MiB stay small pages, so a class a program uses little
    // costs no 2 MiB page, and a class that grows costs at most its last, partly used huge page.
    const nuint HugePagesFrom = 2 << 20;
    const int MadvHugePage = 14;

    readonly nuint _base, _span;
    readonly ClassRegion[] _regions;
    readonly BatchQuarantine _quarantine;

    [ThreadStatic] static HeapThreadCache? t_cache;

    /// <summary>A class's region: carved up to <see cref="Next"/>; blocks freed by caches that overflowed or threads that ended.</summary>
    sealed class ClassRegion(nuint start, nuint end, nuint stride)
    {
        public readonly FreeBlocks Free = new(start, stride);
        public nuint Next = start;
        public readonly nuint End = end;
        public readonly nuint HugeFrom = start - FirstBlockOffset + HugePagesFrom;
        public bool HugeAdvised;
    }

    public PrimaryHeap(long quarantineBytes)
    {
        _quarantine = new BatchQuarantine(quarantineBytes);
        _regions = [];
        nuint span = (nuint)SizeClasses.Count << RegionShift;
        void* reserved = LibC.mmap(null, span, LibC.ProtRead | LibC.ProtWrite, LibC.MapPrivate | LibC.MapAnonymous | LibC.MapNoReserve, -1, 0);
        if (reserved == LibC.MapFailed) return;   // no primary heap: every block takes the large path
        _base = (nuint)reserved;
        _span = span;
        _regions = new ClassRegion[SizeClasses.Count];
        for (int c = 0; c < _regions.Length; c++)
        {
            nuint region = _base + ((nuint)c << RegionShift);
            _regions[c] = new ClassRegion(region + FirstBlockOffset, region + ((nuint)1 << RegionShift), SizeClasses.Stride(c));
        }
    }

    public bool Owns(void* p) => (nuint)p - _base < _span;

    /// <summary>A free block of class c (its header stale), or 0 when the class's region is used up or there is no heap.</summary>
    public nuint Take(int c)
    {
        if (_span == 0) return 0;
        var cache = Cache();
        ref int count = ref cache.Counts[c];
        if (count == 0 && !Refill(c, cache)) return 0;
        return cache.Slots[c * CacheCapacity + --count];
    }

    /// <summary>Class and block of a pointer this heap <see cref="Owns"/>.</summary>
    public HeapPosition Locate(void* p, out int sizeClass, out nuint blockStart)
    {
        nuint offset = (nuint)p - _base;
        sizeClass = (int)(offset >> RegionShift);
        nuint inRegion = offset & (((nuint)1 << RegionShift) - 1);
        blockStart = 0;
        if (inRegion < FirstBlockOffset) return HeapPosition.BeforeFirstBlock;
        nuint fromFirst = inRegion - FirstBlockOffset;
        if (SizeClasses.IsMultiple(sizeClass, fromFirst))
        {
            blockStart = (nuint)p;
            return HeapPosition.BlockStart;
        }
        blockStart = (nuint)p - fromFirst % SizeClasses.Stride(sizeClass);
        return HeapPosition.InsideBlock;
    }

    /// <summary>A freed block (header already marked quarantined) waits in the quarantine, then is recycled.</summary>
    public void Quarantine(nuint user, int sizeClass)
    {
        var cache = Cache();
        if (_quarantine.BudgetBytes == 0)
        {
            Recycle(user, sizeClass, cache);
            return;
        }
        var batch = cache.Batch;
        batch.Add(user, sizeClass, (long)SizeClasses.Stride(sizeClass));
        if (batch.Count < QuarantineBatch.Capacity && batch.Bytes < _quarantine.BatchBytesLimit) return;
        _quarantine.Push(batch);
        cache.Batch = RecycleEvicted(cache) ?? new QuarantineBatch();
    }

    /// <summary>Recycles the batches the quarantine no longer holds; the last one comes back emptied, for reuse.</summary>
    QuarantineBatch? RecycleEvicted(HeapThreadCache? cache)
    {
        QuarantineBatch? spare = null;
        while (_quarantine.TryEvict() is { } evicted)
        {
            for (int i = 0; i < evicted.Count; i++) Recycle(evicted.Blocks[i], evicted.Classes[i], cache);
            evicted.Clear();
            spare = evicted;
        }
        return spare;
    }

    /// <summary>
    /// Makes a block available again. Its header still says quarantined — a free of it until it is handed out again is
    /// a double free all the same — and is not touched: the block's memory stays cold until its next allocation.
    /// </summary>
    void Recycle(nuint user, int sizeClass, HeapThreadCache? cache)
    {
        if (cache is null)
        {
            var region = _regions[sizeClass];
            lock (region) region.Free.Push(user);
            return;
        }
        ref int count = ref cache.Counts[sizeClass];
        if (count == CacheCapacity) Drain(sizeClass, cache, CacheCapacity / 2);
        cache.Slots[sizeClass * CacheCapacity + count++] = user;
    }

    HeapThreadCache Cache()
    {
        var cache = t_cache;
        if (cache is null || cache.Owner != this) t_cache = cache = new HeapThreadCache(this);
        return cache;
    }

    /// <summary>Blocks for a thread's empty cache: freed ones first, then new ones carved in ascending order (taken lowest first).</summary>
    bool Refill(int c, HeapThreadCache cache)
    {
        var region = _regions[c];
        nuint stride = SizeClasses.Stride(c);
        ref int count = ref cache.Counts[c];
        int at = c * CacheCapacity;
        lock (region)
        {
            while (count < RefillBatch && region.Free.Count > 0) cache.Slots[at + count++] = region.Free.Pop();
            int carve = (int)Math.Min((nuint)(RefillBatch - count), (region.End - region.Next + SizeClasses.HeaderSize) / stride);
            for (int i = carve - 1; i >= 0; i--) cache.Slots[at + count++] = region.Next + (nuint)i * stride;
            region.Next += (nuint)carve * stride;
            if (!region.HugeAdvised && region.Next > region.HugeFrom) AdviseHugePages(region);
        }
        return count > 0;
    }

    /// <summary>Asks for huge pages over the rest of a class's region (a refusal, e.g. a kernel without them, changes nothing).</summary>
    static void AdviseHugePages(ClassRegion region)
    {
        region.HugeAdvised = true;
        LibC.madvise((void*)region.HugeFrom, region.End - region.HugeFrom, MadvHugePage);
    }

    void Drain(int c, HeapThreadCache cache, int howMany)
    {
        var region = _regions[c];
        ref int count = ref cache.Counts[c];
        lock (region)
        {
            for (int i = 0; i < howMany && count > 0; i++) region.Free.Push(cache.Slots[c * CacheCapacity + --count]);
        }
    }

    /// <summary>A dead thread's cached blocks and quarantine batch go back to the shared lists (called by its finalizer).</summary>
    void Retire(HeapThreadCache cache)
    {
        for (int c = 0; c < cache.Counts.Length; c++) Drain(c, cache, cache.Counts[c]);
        if (cache.Batch.Count > 0) _quarantine.Push(cache.Batch);
        RecycleEvicted(null);
    }

    /// <summary>A thread's private free blocks and the freed blocks it has not yet moved to the quarantine.</summary>
    sealed class HeapThreadCache(PrimaryHeap owner)
    {
        public readonly nuint[] Slots = new nuint[SizeClasses.Count * CacheCapacity];
        public readonly int[] Counts = new int[SizeClasses.Count];
        public QuarantineBatch Batch = new();
        public PrimaryHeap Owner => owner;

        ~HeapThreadCache()
        {
            try
            {
                owner.Retire(this);
            }
            catch (Exception e) when (Common.InternalErrors.IsInternal(e))
            {
                // The blocks stay unused: a leak, never a block handed out twice.
            }
        }
    }
}
