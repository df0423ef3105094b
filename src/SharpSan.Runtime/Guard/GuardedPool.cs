using System.Numerics;
using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Common.Threads;
using SharpSan.Runtime.Guard.Errors;

namespace SharpSan.Runtime.Guard;

/// <summary>
/// GWP-ASan's pool: one allocation in guard_sample_rate is placed alone in a slot between guard pages, against the
/// slot's end (or its start), with its allocation stack; on free its pages become inaccessible again and the slot
/// waits behind the others (least recently freed is reused first). Inaccessible pages are userfaultfd-registered
/// pages never populated, so a touch blocks the thread and the <see cref="FaultMonitor"/> reports it.
/// With guard_sample_rate=1 every allocation up to guard_max_size is guarded and the pool grows as needed.
/// </summary>
internal sealed unsafe class GuardedPool
{
    const int Page = UserFaults.PageSize;

    static readonly object s_createLock = new();
    static volatile GuardedPool? s_instance;
    static volatile bool s_created;

    /// <summary>The pool, or null before the first sampled allocation (nothing is guarded yet) or when it cannot exist.</summary>
    public static GuardedPool? Instance => s_instance;

    /// <summary>
    /// The pool for a sampled allocation, made at the first one: a program that never reaches a sample pays for no
    /// userfaultfd, mapping or monitor thread (GWP-ASan also sets its pool up lazily).
    /// </summary>
    public static GuardedPool? ForSample()
    {
        if (s_created) return s_instance;
        lock (s_createLock)
        {
            if (!s_created)
            {
                s_instance = Create();
                s_created = true;
            }
        }
        return s_instance;
    }

    [ThreadStatic] static int t_countdown;
    static readonly int s_rate = GuardSanitizer.Options.SampleRate;

    readonly GuardOptions _options;
    readonly int _fd;
    readonly nuint _slotLength;
    readonly object _lock = new();
    readonly Queue<GuardSlot> _free = new();
    int _freeSlots;   // _free.Count, readable without the lock
    volatile Region[] _regions = [];
    int _live;

    sealed class Region(nuint start, nuint end, GuardSlot[] slots)
    {
        public readonly nuint Start = start, End = end;
        public readonly GuardSlot[] Slots = slots;
    }

    GuardedPool(GuardOptions options, int fd)
    {
        _options = options;
        _fd = fd;
        _slotLength = (nuint)((options.MaxSize + Page - 1) / Page * Page);
        Grow(Math.Max(options.MaxSimultaneous, options.GuardsEverything ? 16 : 0));
    }

    public int Descriptor => _fd;
    public nuint SlotLength => _slotLength;

    static GuardedPool? Create()
    {
        var options = GuardSanitizer.Options;
        if (options.SampleRate == 0 || options.MaxSize == 0 || (options.MaxSimultaneous == 0 && !options.GuardsEverything)) return null;
        int fd = UserFaults.Open(out string? refusal);
        if (fd < 0)
        {
            Console.Error.WriteLine($"=={SanitizerRuntime.Pid}==WARNING: SharpSan: guard mode cannot place allocations between guard pages: {refusal}. " +
                "Allocations are still checked at free (headers, quarantine, fill), but overflows and use-after-free by access are not caught in this process.");
            return null;
        }
        var pool = new GuardedPool(options, fd);
        FaultMonitor.Start(pool);
        return pool;
    }

    /// <summary>The sampling decision on every allocation (see <see cref="Sampling"/>).</summary>
    public static bool ShouldSample() => Sampling.Next(ref t_countdown, s_rate);

    void Grow(int slots)
    {
        if (slots <= 0) return;
        nuint stride = _slotLength + Page;
        nuint length = Page + (nuint)slots * stride;
        byte* start = UserFaults.MapRegistered(_fd, length);
        var regionSlots = new GuardSlot[slots];
        for (int i = 0; i < slots; i++)
        {
            regionSlots[i] = new GuardSlot((nuint)start + Page + (nuint)i * stride, _slotLength);
            ReturnFreeSlot(regionSlots[i]);
        }
        _regions = [.. _regions, new Region((nuint)start, (nuint)start + length, regionSlots)];
    }

    public bool Owns(void* p)
    {
        foreach (var r in _regions)
            if ((nuint)p >= r.Start && (nuint)p < r.End) return true;
        return false;
    }

    public void* TryAllocate(ulong size, nuint alignment, AllocationFamily family, string apiFrame)
    {
        if (size == 0 || size > (ulong)_slotLength || alignment > Page) return null;
        // Every slot taken (guard_max_simultaneous live): served unguarded, before the stack capture (~65 µs and the
        // reflection that makes ~40 framework methods hot). Hashmap's nodes live long, so nearly every sample after
        // its 16th ended here after paying for a stack. A racy read: the check under the lock below still decides.
        if (!_options.GuardsEverything && Volatile.Read(ref _freeSlots) == 0) return null;
        // Right against the slot's end, exactly: a block's natural alignment (up to 16) divides its size.
        nuint natural = (nuint)Math.Min(16UL, 1UL << BitOperations.TrailingZeroCount(size));
        nuint align = family == AllocationFamily.NativeMemoryAligned ? Math.Max(alignment, natural) : natural;
        bool left = _options.Alignment == GuardAlignment.Left
            || (_options.Alignment == GuardAlignment.Auto && !_options.GuardsEverything && (Random.Shared.Next() & 1) == 0);
        var stack = GuardSanitizer.LazyStack(apiFrame);
        GuardSlot? slot;
        lock (_lock)
        {
            if (!TryTakeFreeSlot(out slot))
            {
                if (!_options.GuardsEverything) return null;
                Grow(Math.Max(16, _live));
                if (!TryTakeFreeSlot(out slot)) return null;
            }
            slot.State = GuardSlotState.Live;
            slot.Size = size;
            slot.Family = family;
            slot.LeftAligned = left;
            slot.User = left ? slot.Start : (slot.End - (nuint)size) & ~(align - 1);
            slot.AllocStack = stack;
            slot.FreeStack = null;
            slot.AllocThread = ThreadRegistry.CurrentId;
            _live++;
            UserFaults.Populate(_fd, (byte*)slot.PopulatedStart, slot.PopulatedEnd - slot.PopulatedStart);
        }
        return (void*)slot.User;
    }

    public ulong LiveSize(void* p)
    {
        lock (_lock) return SlotOf((nuint)p) is { State: GuardSlotState.Live } s && s.User == (nuint)p ? s.Size : 0;
    }

    public void Free(void* p, AllocationFamily family, string apiFrame)
    {
        var stack = GuardSanitizer.LazyStack(apiFrame);
        GuardedFreeError? error = null;
        lock (_lock)
        {
            var slot = SlotOf((nuint)p);
            if (slot is { State: GuardSlotState.Live } && slot.User == (nuint)p)
            {
                if (slot.Family != family) error = GuardedFreeError.Mismatch((nuint)p, stack.Frames, slot, family);
                slot.State = GuardSlotState.Freed;
                slot.FreeStack = stack;
                slot.FreeThread = ThreadRegistry.CurrentId;
                _live--;
                UserFaults.Drop((byte*)slot.Start, slot.Length);
                ReturnFreeSlot(slot);
            }
            else if (slot is { State: GuardSlotState.Freed } && slot.User == (nuint)p) error = GuardedFreeError.DoubleFree((nuint)p, stack.Frames, slot);
            else error = GuardedFreeError.BadFree((nuint)p, stack.Frames, slot is { State: not GuardSlotState.Unused } ? slot : null);
        }
        if (error is not null) GuardSanitizer.Report(error);
    }

    bool TryTakeFreeSlot([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GuardSlot? slot)
    {
        if (!_free.TryDequeue(out slot)) return false;
        Volatile.Write(ref _freeSlots, _free.Count);
        return true;
    }

    void ReturnFreeSlot(GuardSlot slot)
    {
        _free.Enqueue(slot);
        Volatile.Write(ref _freeSlots, _free.Count);
    }

    GuardSlot? SlotOf(nuint p)
    {
        foreach (var r in _regions)
        {
            if (p < r.Start + Page || p >= r.End) continue;
            nuint offset = p - r.Start - Page;
            nuint stride = _slotLength + Page;
            if (offset % stride >= _slotLength) return null;   // a guard page
            return r.Slots[(int)(offset / stride)];
        }
        return null;
    }

    /// <summary>For the fault monitor: the slot an inaccessible address belongs to or borders (the nearer of the two around a guard page).</summary>
    public (GuardSlot? Slot, bool Accessible) Classify(nuint address)
    {
        lock (_lock)
        {
            foreach (var r in _regions)
            {
                if (address < r.Start || address >= r.End) continue;
                if (SlotOf(address) is { } s)
                    return (s, s.State == GuardSlotState.Live && address >= s.PopulatedStart && address < s.PopulatedEnd);
                // A guard page: between the slot that ends below it and the one that starts above it.
                nuint stride = _slotLength + Page;
                long index = (long)((address - r.Start) / stride);   // the slot above this guard page
                GuardSlot? above = index < r.Slots.Length ? r.Slots[index] : null;
                GuardSlot? below = index > 0 ? r.Slots[index - 1] : null;
                return (Nearer(address, below, above), false);
            }
            return (null, false);
        }
    }

    static GuardSlot? Nearer(nuint address, GuardSlot? below, GuardSlot? above)
    {
        bool useBelow = below is { State: not GuardSlotState.Unused };
        bool useAbove = above is { State: not GuardSlotState.Unused };
        if (useBelow && useAbove) return address - below!.UserEnd <= above!.User - address ? below : above;
        return useBelow ? below : useAbove ? above : null;
    }

    /// <summary>With halt_on_error=0: the faulting thread goes on over a throwaway zero page (its access was reported).</summary>
    public void LetThrough(ulong address)
    {
        nuint page = (nuint)address & ~(nuint)(Page - 1);
        UserFaults.Populate(_fd, (byte*)page, Page);
        UserFaults.Wake(_fd, address);
    }
}
