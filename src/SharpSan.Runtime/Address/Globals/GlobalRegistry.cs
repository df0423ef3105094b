using SharpSan.Runtime.Address.Errors;
using SharpSan.Runtime.Common.Reporting;

namespace SharpSan.Runtime.Address.Globals;

/// <summary>
/// RVA static data blobs of checked modules and the redzones the rewriter placed after them. Registration
/// poisons each redzone (ASan's global redzone code 0xf9), including the unused tail of the blob's last granule
/// when that granule belongs to the blob alone; reports look blobs up here to name them.
/// </summary>
public static unsafe class GlobalRegistry
{
    public readonly record struct Global(nuint Begin, nuint Size, string Name);

    static readonly object s_lock = new();

    // Sorted by start, replaced whole on registration: lookups (SGCheck's binding) read it without a lock.
    static volatile Global[] s_sorted = [];

    /// <summary>Called from a checked module's registration for each RVA blob and its padding field.</summary>
    public static void Register(void* data, int size, void* redzone, int redzoneSize, string name)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            RegisterChecked(data, size, redzone, redzoneSize, name);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e))
        {
            // The blob stays unpoisoned: overflows past it go unnoticed.
        }
    }

    const string Site = "GlobalRegistry.Register";

    static void RegisterChecked(void* data, int size, void* redzone, int redzoneSize, string name)
    {
        nuint begin = (nuint)data, end = begin + (nuint)size, padEnd = (nuint)redzone + (nuint)redzoneSize;
        // Only poison what is certainly ours: the padding must follow the blob closely.
        if ((nuint)redzone < end || (nuint)redzone - end > 64) return;
        lock (s_lock) s_sorted = [.. s_sorted.Append(new Global(begin, (nuint)size, name)).OrderBy(g => g.Begin)];
        nuint granule = end & ~(nuint)7;
        if ((end & 7) != 0 && granule >= begin) *ShadowMemory.For(granule) = (sbyte)(end & 7);
        nuint poisonFrom = (end + 7) & ~(nuint)7, poisonTo = padEnd & ~(nuint)7;
        if (poisonTo > poisonFrom) ShadowMemory.Poison(poisonFrom, poisonTo - poisonFrom, ShadowCode.GlobalRedzone);
    }

    /// <summary>"0x… is located 2 bytes to the right of global variable 'Demo.Tables.get_Crc' … of size 16".</summary>
    public static bool TryPrint(nuint address, ReportBuilder report)
    {
        Global? nearest = null;
        foreach (var g in s_sorted)
            if (address >= g.Begin && address < g.Begin + g.Size + 64 && (nearest is null || g.Begin > nearest.Value.Begin)) nearest = g;
        if (nearest is not { } global) return false;
        report.Line(Line(address, global.Begin, global.Size, global.Name, "static data"));
        report.Line();
        return true;
    }

    /// <summary>The registered blob that contains <paramref name="address"/>, if any.</summary>
    public static Global? Containing(nuint address)
    {
        var sorted = s_sorted;
        int lo = 0, hi = sorted.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].Begin > address) hi = mid - 1;
            else if (address - sorted[mid].Begin >= sorted[mid].Size) lo = mid + 1;
            else return sorted[mid];
        }
        return null;
    }

    /// <summary>ASan's line for a global: "0x… is located N bytes to the right of global variable 'X' (what, 0x…) of size S".</summary>
    public static string Line(nuint address, nuint begin, nuint size, string name, string what) =>
        $"0x{address:x} is located {Located.Relation(address, begin, size)} global variable '{name}' ({what}, 0x{begin:x}) of size {size}";
}
