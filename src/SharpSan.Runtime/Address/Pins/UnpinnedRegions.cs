using System.Runtime.InteropServices;
using SharpSan.Runtime.Common.Reporting;
using SharpSan.Runtime.Common.Threads;

namespace SharpSan.Runtime.Address.Pins;

/// <summary>
/// Objects whose pin has ended, poisoned in the shadow as <see cref="ShadowCode.Unpinned"/> while they are known to
/// still sit at the address they were pinned at: an access through a pointer kept from the pin is use-after-unpin.
/// Managed memory is not ours, so the poison must never outlive its object's stay at that address:
/// <list type="bullet">
/// <item>a new pin of memory inside a region releases it (the same array pinned again, or another object the GC put there);</item>
/// <item>after every GC, regions whose object died or moved are released (<see cref="GcWatcher"/>);</item>
/// <item>a checked access that meets the poison first asks <see cref="Reconsider"/>, which re-verifies the object
///   (the GC may have moved it since the last sweep) and forgives accesses through GC-tracked references;</item>
/// <item>at most <see cref="Capacity"/> regions are kept; the oldest is released first.</item>
/// </list>
/// Only the first <see cref="MaxPoisonBytes"/> of a large object are poisoned, so a loop that pins and unpins a big
/// array pays for a bounded shadow fill; a stale pointer further inside is missed.
/// </summary>
internal static class UnpinnedRegions
{
    public const int Capacity = 4096;
    public const nuint MaxPoisonBytes = 64 << 10;

    sealed class Region
    {
        public nuint Start, Bytes, Poisoned;
        public GCHandle Object;   // weak
        public required string Shape;
        public int PinStack, PinThread, UnpinStack, UnpinThread;
    }

    static readonly Dictionary<nuint, Region> s_byStart = [];
    static readonly Queue<Region> s_order = new();

    /// <summary>The pin of <paramref name="owner"/> ended: poison its data while it stays where it is.</summary>
    public static void Add(object owner, int pinStack, int pinThread, int unpinStack)
    {
        var (start, bytes) = PinnedObjects.DataOf(owner);
        // Poison whole granules inside the data: a string's characters start 4 bytes into a granule.
        nuint first = (start + ShadowMemory.Granule - 1) & ~(nuint)(ShadowMemory.Granule - 1);
        nuint end = (start + bytes + ShadowMemory.Granule - 1) & ~(nuint)(ShadowMemory.Granule - 1);
        if (bytes == 0 || end <= first) return;
        var region = new Region
        {
            Start = start, Bytes = bytes, Poisoned = Math.Min(end - first, MaxPoisonBytes),
            Object = GCHandle.Alloc(owner, GCHandleType.Weak), Shape = PinnedObjects.Describe(owner),
            PinStack = pinStack, PinThread = pinThread, UnpinStack = unpinStack, UnpinThread = ThreadRegistry.CurrentId,
        };
        lock (s_byStart)
        {
            if (s_byStart.Remove(start, out var old)) Release(old);
            ShadowMemory.Poison(first, region.Poisoned, ShadowCode.Unpinned);
            s_byStart[start] = region;
            s_order.Enqueue(region);
            while (s_order.Count > Capacity)
            {
                var oldest = s_order.Dequeue();
                if (s_byStart.TryGetValue(oldest.Start, out var current) && current == oldest)
                {
                    s_byStart.Remove(oldest.Start);
                    Release(oldest);
                }
            }
        }
        GcWatcher.EnsureStarted();
    }

    /// <summary>Memory at <paramref name="address"/> is being pinned: any unpinned region around it is over.</summary>
    public static void PinningAt(nuint address)
    {
        if (ShadowMemory.Read(address & ~(nuint)(ShadowMemory.Granule - 1)) != unchecked((sbyte)ShadowCode.Unpinned)
            && ShadowMemory.Read((address + ShadowMemory.Granule) & ~(nuint)(ShadowMemory.Granule - 1)) != unchecked((sbyte)ShadowCode.Unpinned)) return;
        lock (s_byStart)
        {
            if (Containing(address) is { } region)
            {
                s_byStart.Remove(region.Start);
                Release(region);
            }
        }
    }

    /// <summary>
    /// A checked access of [address, address+size) met unpin poison at <paramref name="firstBad"/>. Returns the first
    /// byte that is really bad: the poison counts only when the access is through a raw pointer (a GC-tracked
    /// reference always follows its object) and the region's object is alive and still where it was pinned.
    /// Poison found stale is cleared, and the access rechecked.
    /// </summary>
    public static nuint Reconsider(nuint address, nuint size, nuint firstBad, bool throughReference)
    {
        for (int attempts = 0; attempts < 8 && firstBad != 0 && IsUnpinPoison(firstBad); attempts++)
        {
            if (throughReference) return 0;
            lock (s_byStart)
            {
                var region = Containing(firstBad);
                if (region is not null && StillInPlace(region)) return firstBad;
                if (region is not null)
                {
                    s_byStart.Remove(region.Start);
                    Release(region);
                }
                else
                {
                    ClearGranule(firstBad);
                }
            }
            firstBad = ShadowMemory.FirstBadAddress(address, size);
        }
        return firstBad;
    }

    /// <summary>After a GC: release every region whose object died or moved.</summary>
    public static void Sweep()
    {
        lock (s_byStart)
        {
            List<Region>? stale = null;
            foreach (var region in s_byStart.Values)
                if (!StillInPlace(region)) (stale ??= []).Add(region);
            if (stale is null) return;
            foreach (var region in stale)
            {
                s_byStart.Remove(region.Start);
                Release(region);
            }
        }
    }

    public static int Count { get { lock (s_byStart) return s_byStart.Count; } }

    /// <summary>The "0x… is located …" block: the object, the unpin stack, then the pin stack (ASan's free/alloc order).</summary>
    public static bool TryPrint(nuint address, ReportBuilder report)
    {
        Region? region;
        lock (s_byStart) region = Containing(address);
        if (region is null) return false;
        report.Line($"0x{address:x} is located {address - region.Start} bytes inside of {region.Bytes}-byte managed {region.Shape} [0x{region.Start:x},0x{region.Start + region.Bytes:x})");
        report.Line($"unpinned by thread {ThreadRegistry.Describe(region.UnpinThread)} here:");
        report.Stack(region.UnpinStack);
        report.Line();
        report.Line($"previously pinned by thread {ThreadRegistry.Describe(region.PinThread)} here:");
        report.Stack(region.PinStack);
        report.Line();
        report.Line("The GC may move or free the object at any time after its pin ends; the pointer was still used.");
        report.Line();
        return true;
    }

    static bool IsUnpinPoison(nuint address) => ShadowMemory.Read(address) == unchecked((sbyte)ShadowCode.Unpinned);

    static Region? Containing(nuint address)
    {
        foreach (var region in s_byStart.Values)
            if (address >= region.Start && address - region.Start < region.Bytes) return region;
        return null;
    }

    static bool StillInPlace(Region region) =>
        region.Object.Target is { } target && PinnedObjects.DataOf(target).Start == region.Start;

    /// <summary>Lifts the region's poison where it is still ours (a new pin or allocation may have re-poisoned parts).</summary>
    static unsafe void Release(Region region)
    {
        nuint first = (region.Start + ShadowMemory.Granule - 1) & ~(nuint)(ShadowMemory.Granule - 1);
        for (nuint a = first; a < first + region.Poisoned; a += ShadowMemory.Granule) ClearGranule(a);
        region.Object.Free();
    }

    static unsafe void ClearGranule(nuint address)
    {
        sbyte* shadow = ShadowMemory.For(address);
        if (*shadow == unchecked((sbyte)ShadowCode.Unpinned)) *shadow = 0;
    }
}
