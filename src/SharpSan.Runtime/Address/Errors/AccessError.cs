using SharpSan.Runtime.Common.Reporting;
using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Common.Threads;

namespace SharpSan.Runtime.Address.Errors;

/// <summary>A bad load or store: heap-buffer-overflow, heap-use-after-free, or (for codes we cannot name) unknown-crash.</summary>
internal sealed class AccessError(nuint address, ulong size, bool isWrite, nuint firstBad, long[] stack) : ErrorReport
{
    readonly int _tid = ThreadRegistry.CurrentId;

    public override string Tool => "AddressSanitizer";
    public override string Kind { get; } = KindOf(firstBad);
    public override string DeduplicationKey => $"{Kind}@{StackFrame.LocationKey(stack)}";

    static string KindOf(nuint bad)
    {
        byte code = (byte)ShadowMemory.Read(bad);
        if (code is > 0 and < 8) code = (byte)ShadowMemory.Read(bad + ShadowMemory.Granule);
        return (ShadowCode)code switch
        {
            ShadowCode.HeapLeftRedzone => "heap-buffer-overflow",
            ShadowCode.HeapFreed => "heap-use-after-free",
            ShadowCode.StackLeftRedzone => "stack-buffer-underflow",
            ShadowCode.StackMidRedzone or ShadowCode.StackRightRedzone or ShadowCode.AllocaLeftRedzone or ShadowCode.AllocaRightRedzone => "stack-buffer-overflow",
            ShadowCode.StackAfterReturn => "stack-use-after-return",
            ShadowCode.StackUseAfterScope => "stack-use-after-scope",
            ShadowCode.GlobalRedzone => "global-buffer-overflow",
            ShadowCode.IntraObjectRedzone => "intra-object-overflow",
            ShadowCode.UserPoisoned => "use-after-poison",
            ShadowCode.ContainerOverflow => "pool-buffer-overflow",
            ShadowCode.PoolReturned => "pool-use-after-return",
            ShadowCode.Unpinned => "use-after-unpin",
            // A pooled array's partial last granule has no poisoned granule after it to name the kind.
            _ when Pools.PooledArrays.Containing(bad) is not null => "pool-buffer-overflow",
            _ => "unknown-crash",
        };
    }

    public override void Print(ReportBuilder report)
    {
        report.Error(Tool, $"{Kind} on address 0x{address:x}");
        report.Line($"{(isWrite ? "WRITE" : "READ")} of size {size} at 0x{address:x} thread {ThreadRegistry.Describe(_tid)}");
        var top = report.Stack(stack);
        // An access that starts inside the region and runs off its end is described by its first bad byte.
        nuint described = ShadowMemory.IsByteAddressable(address) ? firstBad : address;
        AddressDescriptions.Print(described, size, report);
        if (Kind == "use-after-poison") UserPoisoning.PrintPoisoner(firstBad, report);
        ShadowDump.Print(report, firstBad, SanitizerRuntime.Options.PrintLegend);
        report.Summary(Tool, Kind, top);
    }
}
