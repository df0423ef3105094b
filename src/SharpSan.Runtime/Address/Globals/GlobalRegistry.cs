using SharpSan.Runtime.Common.Reporting;

namespace SharpSan.Runtime.Address.Globals;

/// <summary>
/// RVA static data blobs of checked modules and the redzones the rewriter placed after them. Registration
/// poisons each redzone (ASan's global redzone code 0xf9), including the unused tail of the blob's last granule
/// when that granule belongs to the blob alone; reports look blobs up here to name them.
/// </summary>
public static unsafe class GlobalRegistry
{
    readonly record struct Global(nuint Begin, nuint Size, string Name);

    static readonly List<Global> s_globals = [];

    /// <summary>Called from a checked module's registration for each RVA blob and its padding field.</summary>
    public static void Register(void* data, int size, void* redzone, int redzoneSize, string name)
    {
        nuint begin = (nuint)data, end = begin + (nuint)size, padEnd = (nuint)redzone + (nuint)redzoneSize;
        // Only poison what is certainly ours: the padding must follow the blob closely.
        if ((nuint)redzone < end || (nuint)redzone - end > 64) return;
        lock (s_globals) s_globals.Add(new Global(begin, (nuint)size, name));
        nuint granule = end & ~(nuint)7;
        if ((end & 7) != 0 && granule >= begin) *ShadowMemory.For(granule) = (sbyte)(end & 7);
        nuint poisonFrom = (end + 7) & ~(nuint)7, poisonTo = padEnd & ~(nuint)7;
        if (poisonTo > poisonFrom) ShadowMemory.Poison(poisonFrom, poisonTo - poisonFrom, ShadowCode.GlobalRedzone);
    }

    /// <summary>"0x… is located 2 bytes to the right of global variable 'Demo.Tables.get_Crc' … of size 16".</summary>
    public static bool TryPrint(nuint address, ReportBuilder report)
    {
        Global? nearest = null;
        lock (s_globals)
            foreach (var g in s_globals)
                if (address >= g.Begin && address < g.Begin + g.Size + 64 && (nearest is null || g.Begin > nearest.Value.Begin)) nearest = g;
        if (nearest is not { } global) return false;
        nuint end = global.Begin + global.Size;
        string relation = address >= end ? $"{address - end} bytes to the right of" : $"{address - global.Begin} bytes inside of";
        report.Line($"0x{address:x} is located {relation} global variable '{global.Name}' (static data, 0x{global.Begin:x}) of size {global.Size}");
        report.Line();
        return true;
    }
}
