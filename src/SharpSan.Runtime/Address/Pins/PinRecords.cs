using System.Runtime.InteropServices;
using SharpSan.Runtime.Common.Reporting;
using SharpSan.Runtime.Common.Threads;

namespace SharpSan.Runtime.Address.Pins;

/// <summary>
/// One record per array or string that checked code pinned recently, keyed by the address of its data: the pin
/// count (nested and concurrent <c>fixed</c> on one array), the last pin and unpin stacks, and whether its data is
/// poisoned as <see cref="ShadowCode.Unpinned"/> because no pin holds it any more. Records hold their object
/// weakly and are reused when the same object is pinned again, so a hot <c>fixed</c> loop allocates nothing.
/// Managed memory is not ours, so the poison must never outlive the object's stay at that address:
/// <list type="bullet">
/// <item>pinning the object (or, for pins whose owner is unknown, any memory inside the region) lifts it;</item>
/// <item>when the GC moves or frees the object, the record stays behind as <em>vacated</em>, keeping the range it
///   left poisoned: a stale pointer from the ended pin now points at memory the GC may hand to anything, the very
///   run in which the bug corrupts data. Pinning any object whose data overlaps a poisoned range lifts that poison
///   (the GC gave the memory to that object, and a pin is how raw pointers to it are made legitimately);</item>
/// <item>a checked access that meets the poison asks <see cref="Reconsider"/>, which forgives accesses through
///   GC-tracked references (they always follow their object) and clears poison no record claims;</item>
/// <item>at most <see cref="Capacity"/> records are kept; the oldest unpinned one goes first.</item>
/// </list>
/// Memory the GC reused for another object that unchecked code pinned and handed out as a raw pointer is not
/// recognised as reused: an access to it through that pointer would be reported (no such case is known).
/// Only the first <see cref="MaxPoisonBytes"/> of a large object are poisoned, which bounds the shadow fill of a
/// loop that pins and unpins a big array; a stale pointer further inside is missed.
/// </summary>
internal static class PinRecords
{
    public const int Capacity = 4096;
    public const nuint MaxPoisonBytes = 64 << 10;

    internal sealed class Record
    {
        public GCHandle Object;   // weak
        public nuint Start, Bytes;
        public int Pins;
        public bool Poisoned, NeverMoves, Vacated;
        public Type ObjectType = typeof(object);
        public long Length;
        public int PinStack, PinThread, UnpinStack, UnpinThread;

        public nuint PoisonStart => (Start + ShadowMemory.Granule - 1) & ~(nuint)(ShadowMemory.Granule - 1);
        public nuint PoisonEnd => Math.Min((Start + Bytes + ShadowMemory.Granule - 1) & ~(nuint)(ShadowMemory.Granule - 1), PoisonStart + MaxPoisonBytes);
        public bool Holds(object o) => !Vacated && ReferenceEquals(Object.Target, o);
    }

    static ShortLock s_lock;   // a hot fixed block takes it twice: a Monitor was most of its cost
    static readonly Dictionary<nuint, Record> s_byStart = [];
    static readonly Queue<Record> s_order = new();

    public static void Pin(object owner, int stack) => Pin(owner, stack, PinThread.Current);

    public static void Pin(object owner, int stack, PinThread thread)
    {
        var (start, bytes) = PinnedObjects.DataOf(owner);
        if (bytes == 0) return;
        s_lock.Enter();
        try
        {
            if (RecordOf(owner, start, thread) is not { } record)
            {
                if (s_byStart.TryGetValue(start, out var other)) Drop(other);   // another object now lives where that one was
                record = new Record
                {
                    Object = GCHandle.Alloc(owner, GCHandleType.Weak), Start = start, Bytes = bytes, NeverMoves = PinnedObjects.NeverMoves(owner),
                    ObjectType = owner.GetType(), Length = owner switch { string text => text.Length, Array array => array.LongLength, _ => 0 },
                };
                DropOverlapping(start, bytes);
                s_byStart[start] = record;
                s_order.Enqueue(record);
                EvictIfFull();
                thread.Last = record;
            }
            if (record.Poisoned) Lift(record);
            record.Pins++;
            record.PinStack = stack;
            record.PinThread = thread.Id;
        }
        finally { s_lock.Exit(); }
        GcWatcher.EnsureStarted();
    }

    /// <summary>
    /// The live record of <paramref name="owner"/>, whose data is at <paramref name="start"/>: the thread's last one when
    /// it still is (no dictionary lookup), else the one the dictionary holds. Under the lock.
    /// </summary>
    static Record? RecordOf(object owner, nuint start, PinThread thread)
    {
        if (thread.Last is { } last && last.Start == start && last.Object.IsAllocated && last.Holds(owner)) return last;
        if (!s_byStart.TryGetValue(start, out var record) || !record.Holds(owner)) return null;
        return thread.Last = record;
    }

    /// <summary>Drops one pin of <paramref name="owner"/>; the last one poisons its data unless it never moves.</summary>
    public static void Unpin(object owner, int stack) => Unpin(owner, stack, PinThread.Current);

    /// <inheritdoc cref="Unpin(object, int)"/>
    public static void Unpin(object owner, int stack, PinThread thread)
    {
        var (start, _) = PinnedObjects.DataOf(owner);
        s_lock.Enter();
        try
        {
            if (RecordOf(owner, start, thread) is not { } record || record.Pins == 0) return;
            if (--record.Pins > 0 || record.NeverMoves) return;
            record.UnpinStack = stack;
            record.UnpinThread = thread.Id;
            if (record.PoisonEnd > record.PoisonStart)
            {
                ShadowMemory.Poison(record.PoisonStart, record.PoisonEnd - record.PoisonStart, ShadowCode.Unpinned);
                record.Poisoned = true;
            }
        }
        finally { s_lock.Exit(); }
    }

    /// <summary>
    /// [address, address+bytes) is being pinned by a pin whose owner is unknown (a span, a Memory): the poison of
    /// every record overlapping it goes (bytes 0: the length is unknown, only the record holding the address).
    /// </summary>
    public static void PinningAt(nuint address, nuint bytes = 0)
    {
        if (!AnyUnpinPoison(address, Math.Max(bytes, 1))) return;
        s_lock.Enter();
        try
        {
            if (bytes == 0) { if (Containing(address) is { } record) Drop(record); }
            else DropOverlapping(address, bytes);
        }
        finally { s_lock.Exit(); }
    }

    /// <summary>
    /// A checked access of [address, address+size) met unpin poison at <paramref name="firstBad"/>. Returns the first
    /// byte that is really bad: the poison counts only when the access is through a raw pointer (a GC-tracked
    /// reference always follows its object) and a record claims it — the object still there, or the range it left
    /// when the GC moved or freed it. Poison no record claims is lifted, and the access rechecked.
    /// </summary>
    public static nuint Reconsider(nuint address, nuint size, nuint firstBad, bool throughReference)
    {
        for (int attempts = 0; attempts < 8 && firstBad != 0 && IsUnpinPoison(firstBad); attempts++)
        {
            if (throughReference) return 0;
            s_lock.Enter();
            try
            {
                if (Containing(firstBad) is not null) return firstBad;
                ClearGranule(firstBad);
            }
            finally { s_lock.Exit(); }
            firstBad = ShadowMemory.FirstBadAddress(address, size);
        }
        return firstBad;
    }

    /// <summary>
    /// After a GC: a poisoned record whose object died or moved becomes vacated (its poison stays on the range the
    /// object left); any other record whose object died or moved is dropped.
    /// </summary>
    public static void Sweep()
    {
        s_lock.Enter();
        try
        {
            List<Record>? stale = null;
            foreach (var record in s_byStart.Values)
            {
                if (record.Vacated || StillInPlace(record)) continue;
                if (record.Poisoned) record.Vacated = true;
                else (stale ??= []).Add(record);
            }
            if (stale is not null) foreach (var record in stale) Drop(record);
        }
        finally { s_lock.Exit(); }
    }

    public static int PoisonedCount
    {
        get
        {
            s_lock.Enter();
            try { return s_byStart.Values.Count(r => r.Poisoned); }
            finally { s_lock.Exit(); }
        }
    }

    /// <summary>The "0x… is located …" block: the object, the unpin stack, then the pin stack (ASan's free/alloc order).</summary>
    public static bool TryPrint(nuint address, ReportBuilder report)
    {
        Record? record;
        object? target;
        s_lock.Enter();
        try
        {
            record = Containing(address);
            target = record?.Object.Target;
        }
        finally { s_lock.Exit(); }
        if (record is null) return false;
        report.Line($"0x{address:x} is located {address - record.Start} bytes inside of {record.Bytes}-byte managed {PinnedObjects.Describe(record.ObjectType, record.Length)} [0x{record.Start:x},0x{record.Start + record.Bytes:x})");
        if (target is null)
            report.Line("which the GC freed after its pin ended");
        else if (PinnedObjects.DataOf(target).Start is var now && now != record.Start)
            report.Line($"which the GC moved to [0x{now:x},0x{now + record.Bytes:x}) after its pin ended");
        report.Line($"unpinned by thread {ThreadRegistry.Describe(record.UnpinThread)} here:");
        report.Stack(record.UnpinStack);
        report.Line();
        report.Line($"previously pinned by thread {ThreadRegistry.Describe(record.PinThread)} here:");
        report.Stack(record.PinStack);
        report.Line();
        report.Line("The GC may move or free the object at any time after its pin ends; the pointer was still used.");
        report.Line();
        return true;
    }

    /// <summary>
    /// Whether unpin poison lies in the part of <paramref name="owner"/>'s data an unpin would poison (no lock: a hint).
    /// The owner must be pinned.
    /// </summary>
    public static bool HoldsUnpinPoison(object owner)
    {
        var (start, bytes) = PinnedObjects.DataOfPinned(owner);
        return bytes != 0 && AnyUnpinPoison(start, Math.Min(bytes, MaxPoisonBytes + ShadowMemory.Granule));
    }

    static bool IsUnpinPoison(nuint address) => ShadowMemory.Read(address) == unchecked((sbyte)ShadowCode.Unpinned);

    /// <summary>Whether any granule of [address, address+bytes) carries unpin poison (a vectorised scan of its shadow).</summary>
    static unsafe bool AnyUnpinPoison(nuint address, nuint bytes)
    {
        nuint first = address >> 3, last = (address + bytes - 1) >> 3;
        for (nuint at = first; at <= last; at += int.MaxValue)
        {
            int length = (int)Math.Min(last - at + 1, int.MaxValue);
            if (new ReadOnlySpan<sbyte>(ShadowMemory.For(at << 3), length).Contains(unchecked((sbyte)ShadowCode.Unpinned))) return true;
        }
        return false;
    }

    /// <summary>The GC gave [start, start+bytes) to an object being pinned now: drop the records whose poison lies in it.</summary>
    static void DropOverlapping(nuint start, nuint bytes)
    {
        if (!AnyUnpinPoison(start, Math.Max(bytes, 1))) return;
        List<Record>? overlapping = null;
        foreach (var record in s_byStart.Values)
            if (record.Poisoned && record.PoisonStart < start + bytes && start < record.PoisonEnd) (overlapping ??= []).Add(record);
        if (overlapping is not null) foreach (var record in overlapping) Drop(record);
    }

    static Record? Containing(nuint address)
    {
        foreach (var record in s_byStart.Values)
            if (record.Poisoned && address >= record.Start && address - record.Start < record.Bytes) return record;
        return null;
    }

    static bool StillInPlace(Record record) =>
        record.Object.Target is { } target && PinnedObjects.DataOf(target).Start == record.Start;

    static void EvictIfFull()
    {
        for (int n = s_order.Count; s_byStart.Count > Capacity && n > 0; n--)
        {
            var oldest = s_order.Dequeue();
            if (!s_byStart.TryGetValue(oldest.Start, out var current) || current != oldest) continue;   // already dropped
            if (oldest.Pins > 0) s_order.Enqueue(oldest);   // still pinned: keep counting
            else Drop(oldest);
        }
    }

    static void Drop(Record record)
    {
        if (record.Poisoned) Lift(record);
        if (s_byStart.TryGetValue(record.Start, out var current) && current == record) s_byStart.Remove(record.Start);
        if (record.Object.IsAllocated) record.Object.Free();
    }

    /// <summary>Lifts the record's poison where it is still ours (the memory may have been re-poisoned by someone else).</summary>
    static unsafe void Lift(Record record)
    {
        nuint start = record.PoisonStart, end = record.PoisonEnd;
        if (end > start)
        {
            // A hot fixed block lifts the poison its last unpin left, all of it still ours: one vectorised clear.
            var shadow = new Span<sbyte>(ShadowMemory.For(start), (int)((end - start) >> ShadowMemory.GranuleShift));
            if (shadow.IndexOfAnyExcept(unchecked((sbyte)ShadowCode.Unpinned)) < 0) shadow.Clear();
            else for (nuint a = start; a < end; a += ShadowMemory.Granule) ClearGranule(a);
        }
        record.Poisoned = false;
    }

    static unsafe void ClearGranule(nuint address)
    {
        sbyte* shadow = ShadowMemory.For(address);
        if (*shadow == unchecked((sbyte)ShadowCode.Unpinned)) *shadow = 0;
    }
}
