namespace SharpSan.Runtime.Address.Allocator;

/// <summary>
/// One size class: slots of a fixed size, the user region always at the same offset in the slot. As in ASan a slot
/// is a left redzone (the header at its end) and the user bytes: a chunk's right redzone is its own slack plus the
/// next slot's left redzone, and a region keeps one redzone after its last slot.
/// </summary>
internal sealed class SizeClass(int index, nuint userMax, nuint redzone)
{
    public int Index { get; } = index;
    public nuint UserMax { get; } = userMax;
    public nuint LeftRedzone { get; } = redzone;
    public nuint SlotSize { get; } = redzone + userMax;

    /// <summary>Free slots not cached by any thread.</summary>
    public readonly Stack<nuint> Free = new();
    public readonly List<(nuint Base, nuint Carved)> Regions = [];
    public nuint BumpNext, BumpEnd;
    /// <summary>Bytes of slots carved so far: past a threshold the class gets huge-page regions (<see cref="SlabRegions"/>).</summary>
    public nuint CarvedBytes;
}

/// <summary>
/// Size-class allocator for small chunks (ASan's primary allocator, simplified): slots are carved from
/// MAP_NORESERVE regions, recycled through per-thread caches, and never handed back to the system, so the
/// hot path takes no lock and makes no system call. Every slot not in use is entirely poisoned (0xfa), so an
/// allocation only unpoisons its user bytes. Live chunks are found by walking the regions (for LeakSanitizer).
/// </summary>
internal sealed unsafe class SlabAllocator
{
    public const int MaxUserSize = 64 << 10;
    const int CacheCapacity = 64;
    const int RefillBatch = 32;

    readonly SizeClass[] _classes;
    readonly byte[] _classOfGranule;   // indexed by (size + 15) / 16

    [ThreadStatic] static ThreadCache? t_cache;

    public SlabAllocator(int minRedzone, int maxRedzone)
    {
        var sizes = new List<nuint>();
        for (nuint s = 16; s <= 256; s += 16) sizes.Add(s);
        for (nuint power = 256; power < MaxUserSize; power *= 2)
            for (nuint step = 1; step <= 4; step++) sizes.Add(power + power / 4 * step);
        _classes = new SizeClass[sizes.Count];   // loops, not LINQ: every generic instantiation here is JIT-compiled at start-up
        for (int i = 0; i < sizes.Count; i++) _classes[i] = new SizeClass(i, sizes[i], ChunkLayout.RedzoneFor(sizes[i], minRedzone, maxRedzone));
        _classOfGranule = new byte[MaxUserSize / 16 + 1];
        for (int g = 0, c = 0; g < _classOfGranule.Length; g++)
        {
            while ((nuint)g * 16 > _classes[c].UserMax) c++;
            _classOfGranule[g] = (byte)c;
        }
    }

    public IReadOnlyList<SizeClass> Classes => _classes;

    public SizeClass ClassFor(ulong size) => _classes[_classOfGranule[(size + 15) >> 4]];

    /// <summary>A free slot of the class; its shadow is entirely poisoned.</summary>
    public nuint Take(SizeClass c)
    {
        var cache = Cache();
        ref int count = ref cache.Counts[c.Index];
        if (count == 0) Refill(c, cache);
        return cache.Slots[c.Index][--count];
    }

    /// <summary>Returns a slot (already re-poisoned) for reuse.</summary>
    public void Give(SizeClass c, nuint slot)
    {
        var cache = Cache();
        ref int count = ref cache.Counts[c.Index];
        if (count == CacheCapacity) Drain(c, cache, CacheCapacity / 2);
        cache.Slots[c.Index][count++] = slot;
    }

    // One cache per thread; a second allocator instance (unit tests) replaces it, and the old one drains to its owner.
    ThreadCache Cache()
    {
        var cache = t_cache;
        if (cache is null || cache.Owner != this) t_cache = cache = new ThreadCache(_classes.Length, this);
        return cache;
    }

    void Refill(SizeClass c, ThreadCache cache)
    {
        var slots = cache.Slots[c.Index];
        ref int count = ref cache.Counts[c.Index];
        lock (c)
        {
            while (count < RefillBatch && c.Free.Count > 0) slots[count++] = c.Free.Pop();
            while (count < RefillBatch)
            {
                if (c.BumpNext + c.SlotSize > c.BumpEnd) MapRegion(c);
                slots[count++] = c.BumpNext;
                c.BumpNext += c.SlotSize;
                c.CarvedBytes += c.SlotSize;
                var last = c.Regions[^1];
                c.Regions[^1] = (last.Base, last.Carved + 1);
            }
        }
    }

    void Drain(SizeClass c, ThreadCache cache, int howMany)
    {
        var slots = cache.Slots[c.Index];
        ref int count = ref cache.Counts[c.Index];
        lock (c)
        {
            for (int i = 0; i < howMany && count > 0; i++) c.Free.Push(slots[--count]);
        }
    }

    static void MapRegion(SizeClass c)
    {
        var (region, size) = SlabRegions.Map(c.CarvedBytes, c.SlotSize * 16 + c.LeftRedzone);
        ShadowMemory.Poison(region, size, ShadowCode.HeapLeftRedzone);
        c.Regions.Add((region, 0));
        c.BumpNext = region;
        c.BumpEnd = region + size - c.LeftRedzone;   // the last slot's right redzone
    }

    /// <summary>Every slot ever carved, class by class (for the leak checker; call when allocation has stopped).</summary>
    public IEnumerable<(SizeClass Class, nuint Slot)> CarvedSlots()
    {
        foreach (var c in _classes)
        {
            (nuint Base, nuint Carved)[] regions;
            lock (c) regions = c.Regions.ToArray();
            foreach (var (regionBase, carved) in regions)
                for (nuint i = 0; i < carved; i++) yield return (c, regionBase + i * c.SlotSize);
        }
    }

    /// <summary>A thread's private free slots; a dead thread's cache goes back to the global lists.</summary>
    sealed class ThreadCache(int classes, SlabAllocator owner)
    {
        public readonly nuint[][] Slots = NewSlots(classes);
        public readonly int[] Counts = new int[classes];
        public SlabAllocator Owner => owner;

        static nuint[][] NewSlots(int classes)
        {
            var slots = new nuint[classes][];
            for (int i = 0; i < classes; i++) slots[i] = new nuint[CacheCapacity];
            return slots;
        }

        ~ThreadCache()
        {
            for (int c = 0; c < Counts.Length; c++) owner.Drain(owner._classes[c], this, Counts[c]);
        }
    }
}
