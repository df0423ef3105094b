using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Address.Errors;
using SharpSan.Runtime.Common.Reporting;
using SharpSan.Runtime.Common.Symbolization;
using SharpSan.Runtime.Common.Threads;

namespace SharpSan.Runtime.Guard.Errors;

/// <summary>A free of a guarded block that went wrong: the slot knows the block's allocation (and free) stack.</summary>
internal sealed class GuardedFreeError(string kind, string headline, nuint pointer, SymbolizedFrame[] stack, GuardSlot? slot) : GuardFreeError(pointer, stack)
{
    readonly ulong _size = slot?.Size ?? 0;
    readonly nuint _user = slot?.User ?? 0;
    readonly SymbolizedFrame[] _alloc = slot?.AllocStack?.Frames ?? [], _free = slot?.FreeStack?.Frames ?? [];
    readonly int _allocThread = slot?.AllocThread ?? 0, _freeThread = slot?.FreeThread ?? 0;
    readonly bool _freed = slot?.State == GuardSlotState.Freed;

    public override string Kind => kind;
    protected override string Headline => headline;

    protected override void DescribeBlock(ReportBuilder report) => Describe(report, Pointer, slot is null ? null : (_user, _size, _alloc, _allocThread, _freed ? _free : null, _freeThread));

    /// <summary>"0x… is located N bytes inside of M-byte region", then "freed by" and "previously allocated by" stacks, as ASan prints them.</summary>
    internal static void Describe(ReportBuilder report, nuint address, (nuint User, ulong Size, SymbolizedFrame[] Alloc, int AllocThread, SymbolizedFrame[]? Free, int FreeThread)? block)
    {
        if (block is not { } b)
        {
            report.Line($"0x{address:x} is located in SharpSan's guarded pool, in no block").Line();
            return;
        }
        nuint end = b.User + (nuint)b.Size;
        string where = address < b.User ? $"{b.User - address} bytes to the left of"
            : address >= end ? $"{address - end} bytes to the right of"
            : $"{address - b.User} bytes inside of";
        report.Line($"0x{address:x} is located {where} {b.Size}-byte region [0x{b.User:x},0x{end:x})");
        if (b.Free is { } free)
        {
            report.Line($"freed by thread {ThreadRegistry.Describe(b.FreeThread)} here:");
            report.Stack(free);
            report.Line();
            report.Line($"previously allocated by thread {ThreadRegistry.Describe(b.AllocThread)} here:");
        }
        else report.Line($"allocated by thread {ThreadRegistry.Describe(b.AllocThread)} here:");
        report.Stack(b.Alloc);
        report.Line();
    }

    public static GuardedFreeError DoubleFree(nuint p, SymbolizedFrame[] stack, GuardSlot slot) =>
        new("double-free", $"attempting double-free on 0x{p:x} in thread {ThreadRegistry.Describe(ThreadRegistry.CurrentId)}:", p, stack, slot);

    public static GuardedFreeError Mismatch(nuint p, SymbolizedFrame[] stack, GuardSlot slot, AllocationFamily freedAs) =>
        new("alloc-dealloc-mismatch", $"alloc-dealloc-mismatch ({FamilyNames.Allocator(slot.Family)} vs {FamilyNames.Deallocator(freedAs)}) on 0x{p:x}", p, stack, slot);

    public static GuardedFreeError BadFree(nuint p, SymbolizedFrame[] stack, GuardSlot? slot) =>
        new("bad-free", $"attempting free on address which was not malloc()-ed: 0x{p:x} in thread {ThreadRegistry.Describe(ThreadRegistry.CurrentId)}", p, stack, slot);
}
