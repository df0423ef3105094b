using SharpSan.Runtime.Common.Reporting;

namespace SharpSan.Runtime.Address.Errors;

/// <summary>
/// Says where a bad address lies ("located N bytes to the right of …", "in stack of thread T0 …") by asking each
/// kind of memory SharpSan manages in turn. A new kind of memory adds one describer here.
/// </summary>
internal static class AddressDescriptions
{
    /// <summary>A describer prints and returns true when the address belongs to its kind of memory.</summary>
    public delegate bool Describer(nuint address, ReportBuilder report);

    static readonly Describer[] s_describers =
    [
        Stack.StackBufferDescription.TryPrint,
        HeapAddressDescription.TryPrint,
        Pools.PoolAddressDescription.TryPrint,
        Globals.GlobalRegistry.TryPrint,
        Pins.PinRecords.TryPrint,
    ];

    public static void Print(nuint address, ulong accessSize, ReportBuilder report)
    {
        foreach (var describe in s_describers)
            if (describe(address, report)) return;
        report.Line($"Address 0x{address:x} is a wild pointer inside of access range of size 0x{accessSize:x}.").Line();
    }
}
