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
/// <item>after every GC, records whose object died or moved are dropped and their poison lifted (<see cref="GcWatcher"/>);</item>
/// <item>a checked access that meets the poison asks <see cref="Reconsider"/>, which re-verifies the object (the GC may
///   have moved it since the last sweep) and forgives accesses through GC-tracked references;</item>
/// <item>at most <see cref="Capacity"/> records are kept; the oldest unpinned one goes first.</item>
/// </list>
/// Only the first <see cref="MaxPoisonBytes"/> of a large object are poisoned, which bounds the shadow fill of a
/// loop that pins and unpins a big array; a stale pointer further inside is missed.
/// </summary>
internal static class PinRecords
{
    public const int Capacity = 4096;
    public const nuint MaxPoisonBytes = 64 << 10;

    sealed class Record
    {
        public GCHandle Object;   // weak
        public nuint Start, Bytes;
        public int Pins;
        public bool Poisoned, NeverMoves;
        public int PinStack, PinThread, UnpinStack, UnpinThread;

        public nuint PoisonStart => (Start + ShadowMemory.Granule - 1) & ~(nuint)(ShadowMemory.Granule - 1);
        public nuint PoisonEnd => Math.Min((Start + Bytes + ShadowMemory.Granule - 1) & ~(nuint)(ShadowMemory.Granule - 1), PoisonStart + MaxPoisonBytes);
        public bool Holds(object o) => ReferenceEquals(Object.Target, o);
    }

    static readonly object s_lock = new();
    static readonly Dictionary<nuint, Record> s_byStart = [];
    static readonly Queue<Record> s_order = new();

    public static void Pin(object owner, int stack)
    {
        var (start, bytes) = PinnedObjects.DataOf(owner);
        if (bytes == 0) return;
        lock (s_lock)
        {
            if (!s_byStart.TryGetValue(start, out var record) || !record.Holds(owner))
            {
                if (record is not null) Drop(record);   // another object now lives where that one was
                record = new Record
                {
                    Object = GCHandle.Alloc(owner, GCHandleType.Weak), Start = start, Bytes = bytes, NeverMoves = PinnedObjects.NeverMoves(owner),
                };
                s_byStart[start] = record;
                s_order.Enqueue(record);
                EvictIfFull();
            }
            if (record.Poisoned) Lift(record);
            record.Pins++;
            record.PinStack = stack;
            record.PinThread = ThreadRegistry.CurrentId;
        }
        GcWatcher.EnsureStarted();
    }

    /// <summary>Drops one pin of <paramref name="owner"/>; the last one poisons its data unless it never moves.</summary>
    public static void Unpin(object owner, int stack)
    {
        var (start, _) = PinnedObjects.DataOf(owner);
        lock (s_lock)
        {
            if (!s_byStart.TryGetValue(start, out var record) || !record.Holds(owner) || record.Pins == 0) return;
            if (--record.Pins > 0 || record.NeverMoves) return;
            record.UnpinStack = stack;
            record.UnpinThread = ThreadRegistry.CurrentId;
            if (record.PoisonEnd > record.PoisonStart)
            {
                ShadowMemory.Poison(record.PoisonStart, record.PoisonEnd - record.PoisonStart, ShadowCode.Unpinned);
                record.Poisoned = true;
            }
        }
    }

    /// <summary>Memory at <paramref name="address"/> is being pinned by a pin whose owner is unknown (a span).</summary>
    public static void PinningAt(nuint address)
    {
        if (!IsUnpinPoison(address & ~(nuint)(ShadowMemory.Granule - 1))) return;
        lock (s_lock)
        {
            if (Containing(address) is { } record) Lift(record);
        }
    }

    /// <summary>
    /// A checked access of [address, address+size) met unpin poison at <paramref name="firstBad"/>. Returns the first
    /// byte that is really bad: the poison counts only when the access is through a raw pointer (a GC-tracked
    /// reference always follows its object) and the object is alive and still where it was pinned. Poison found
    /// stale is lifted, and the access rechecked.
    /// </summary>
    public static nuint Reconsider(nuint address, nuint size, nuint firstBad, bool throughReference)
    {
        for (int attempts = 0; attempts < 8 && firstBad != 0 && IsUnpinPoison(firstBad); attempts++)
        {
            if (throughReference) return 0;
            lock (s_lock)
            {
                var record = Containing(firstBad);
                if (record is not null && StillInPlace(record)) return firstBad;
                if (record is not null) Drop(record);
                else ClearGranule(firstBad);
            }
            firstBad = ShadowMemory.FirstBadAddress(address, size);
        }
        return firstBad;
    }

    /// <summary>After a GC: drop every record whose object died or moved.</summary>
    public static void Sweep()
    {
        lock (s_lock)
        {
            List<Record>? stale = null;
            foreach (var record in s_byStart.Values)
                if (!StillInPlace(record)) (stale ??= []).Add(record);
            if (stale is not null) foreach (var record in stale) Drop(record);
        }
    }

    public static int PoisonedCount { get { lock (s_lock) return s_byStart.Values.Count(r => r.Poisoned); } }

    /// <summary>The "0x… is located …" block: the object, the unpin stack, then the pin stack (ASan's free/alloc order).</summary>
    public static bool TryPrint(nuint address, ReportBuilder report)
    {
        Record? record;
        object? target;
        lock (s_lock)
        {
            record = Containing(address);
            target = record?.Object.Target;
        }
        if (record is null || target is null) return false;
        report.Line($"0x{address:x} is located {address - record.Start} bytes inside of {record.Bytes}-byte managed {PinnedObjects.Describe(target)} [0x{record.Start:x},0x{record.Start + record.Bytes:x})");
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

    static bool IsUnpinPoison(nuint address) => ShadowMemory.Read(address) == unchecked((sbyte)ShadowCode.Unpinned);

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
    static void Lift(Record record)
    {
        for (nuint a = record.PoisonStart; a < record.PoisonEnd; a += ShadowMemory.Granule) ClearGranule(a);
        record.Poisoned = false;
    }

    static unsafe void ClearGranule(nuint address)
    {
        sbyte* shadow = ShadowMemory.For(address);
        if (*shadow == unchecked((sbyte)ShadowCode.Unpinned)) *shadow = 0;
    }
}
