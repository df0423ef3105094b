using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Address.Errors;
using SharpSan.Runtime.Common.Reporting;
using SharpSan.Runtime.Common.Symbolization;
using SharpSan.Runtime.Common.Threads;

namespace SharpSan.Runtime.Guard.Errors;

/// <summary>
/// A finding of guard mode's allocator at a free (double-free, bad-free, alloc-dealloc-mismatch), in ASan's grammar:
/// the headline, the free's stack, a note that the guard allocator found it, what is known of the block, SUMMARY.
/// </summary>
internal abstract class GuardFreeError(nuint pointer, SymbolizedFrame[] stack) : ErrorReport
{
    protected readonly nuint Pointer = pointer;
    protected readonly int Tid = ThreadRegistry.CurrentId;

    public override string Tool => "AddressSanitizer";
    public override string DeduplicationKey => $"{Kind}@" + string.Join("|", stack.Where(f => f.ModuleName != "SharpSan.Runtime").Take(4).Select(f => f.Location));

    protected abstract string Headline { get; }

    /// <summary>What is known of the block: a header-checked block has no stacks (none are captured on the fast path); a guarded one has its own.</summary>
    protected abstract void DescribeBlock(ReportBuilder report);

    public override void Print(ReportBuilder report)
    {
        report.Error(Tool, Headline);
        var top = report.Stack(stack);
        report.Line();
        report.Line("Found by SharpSan's guard allocator (--sanitize guard) at this free.");
        DescribeBlock(report);
        report.Summary(Tool, Kind, top);
    }

    protected static string Region(nuint begin, ulong size) => $"{size}-byte region [0x{begin:x},0x{begin + (nuint)size:x})";
}

/// <summary>The block's header told what it is (Scudo's checks): its size, family and state.</summary>
internal sealed class HeaderFreeError(string kind, string headline, nuint pointer, SymbolizedFrame[] stack, string description) : GuardFreeError(pointer, stack)
{
    public override string Kind => kind;
    protected override string Headline => headline;

    protected override void DescribeBlock(ReportBuilder report)
    {
        if (description.Length > 0) report.Line(description);
        report.Line("(allocation and free stacks are recorded for guarded allocations only: guard_sample_rate=1 guards every allocation up to guard_max_size)");
        report.Line();
    }

    public static HeaderFreeError DoubleFree(nuint p, SymbolizedFrame[] stack, FreedBlock header) =>
        new("double-free", $"attempting double-free on 0x{p:x} in thread {ThreadRegistry.Describe(ThreadRegistry.CurrentId)}:", p, stack,
            $"0x{p:x} is located 0 bytes inside of {Region(p, header.UserSize)}, already freed");

    public static HeaderFreeError Mismatch(nuint p, SymbolizedFrame[] stack, FreedBlock header, AllocationFamily freedAs) =>
        new("alloc-dealloc-mismatch", $"alloc-dealloc-mismatch ({FamilyNames.Allocator(header.Family)} vs {FamilyNames.Deallocator(freedAs)}) on 0x{p:x}", p, stack,
            $"0x{p:x} is located 0 bytes inside of {Region(p, header.UserSize)}");

    public static HeaderFreeError BadFree(nuint p, SymbolizedFrame[] stack, string where) =>
        new("bad-free", $"attempting free on address which was not malloc()-ed: 0x{p:x} in thread {ThreadRegistry.Describe(ThreadRegistry.CurrentId)}", p, stack,
            $"0x{p:x} is located {where}");
}
