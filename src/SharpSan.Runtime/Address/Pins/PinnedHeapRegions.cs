using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SharpSan.Runtime.Address.Pins;

/// <summary>
/// Recognises arrays on the pinned object heap that unchecked code allocated (a BCL or NuGet library calling
/// GC.AllocateArray(pinned: true)): no API tells, but with the regions GC (.NET 7+, 64-bit) the pinned heap has
/// regions of its own, aligned on the basic region size (4 MiB). A tiny pinned probe shows which region the pinned
/// heap allocates from now; an object in a region where a probe landed is on the pinned heap and never moves.
/// A pinned-heap array allocated in a region no probe ever saw (the heap outgrew it between two probes, or an
/// array larger than a region) is not recognised.
/// </summary>
internal static class PinnedHeapRegions
{
    const int RegionShift = 22;   // 4 MiB, the regions GC's basic region size (GCRegionSize=0 means the default)

    static readonly bool s_regions = GC.GetConfigurationVariables().TryGetValue("GCRegionRange", out var range) && range is long and > 0;
    static readonly HashSet<nuint> s_known = [];

    /// <summary>Whether <paramref name="data"/> (an object's data address) lies in a pinned-heap region.</summary>
    public static bool Contains(nuint data)
    {
        if (!s_regions) return false;
        lock (s_known)
        {
            if (s_known.Contains(data >> RegionShift)) return true;
            s_known.Add(Probe() >> RegionShift);
            return s_known.Contains(data >> RegionShift);
        }
    }

    /// <summary>Where the pinned heap allocates now (the probe is garbage at once; pinned-heap garbage goes with gen 2).</summary>
    static unsafe nuint Probe() => (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(GC.AllocateUninitializedArray<byte>(1, pinned: true)));
}
