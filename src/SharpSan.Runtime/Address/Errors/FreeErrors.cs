using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Common.Reporting;
using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Common.Threads;

namespace SharpSan.Runtime.Address.Errors;

/// <summary>Shared shape of the errors raised by a free: header, the freeing stack, the chunk's description.</summary>
internal abstract class FreeError(nuint pointer, long[] stack) : ErrorReport
{
    protected readonly nuint Pointer = pointer;
    protected readonly int Tid = ThreadRegistry.CurrentId;

    public override string Tool => "AddressSanitizer";
    public override string DeduplicationKey => $"{Kind}@{StackFrame.LocationKey(stack)}";

    protected abstract string Headline { get; }

    public override void Print(ReportBuilder report)
    {
        report.Error(Tool, Headline);
        var top = report.Stack(stack);
        report.Line();
        DescribeChunk(report);
        report.Summary(Tool, Kind, top);
    }

    protected virtual void DescribeChunk(ReportBuilder report) => AddressDescriptions.Print(Pointer, 1, report);
}

internal sealed class DoubleFreeError(nuint pointer, long[] stack) : FreeError(pointer, stack)
{
    public override string Kind => "double-free";
    protected override string Headline => $"attempting double-free on 0x{Pointer:x} in thread {ThreadRegistry.Describe(Tid)}:";
}

internal sealed class BadFreeError(nuint pointer, long[] stack, string where) : FreeError(pointer, stack)
{
    public override string Kind => "bad-free";
    protected override string Headline => $"attempting free on address which was not malloc()-ed: 0x{Pointer:x} in thread {ThreadRegistry.Describe(Tid)}";

    protected override void DescribeChunk(ReportBuilder report)
    {
        if (where.Length > 0) report.Line($"0x{Pointer:x} is located {where}").Line();
        else base.DescribeChunk(report);
    }
}

internal sealed class AllocDeallocMismatchError(nuint pointer, long[] stack, AllocationFamily allocated, AllocationFamily freedAs) : FreeError(pointer, stack)
{
    public override string Kind => "alloc-dealloc-mismatch";
    protected override string Headline =>
        $"alloc-dealloc-mismatch ({FamilyNames.Allocator(allocated)} vs {FamilyNames.Deallocator(freedAs)}) on 0x{Pointer:x}";
}

internal static class FamilyNames
{
    public static string Allocator(AllocationFamily f) => f switch
    {
        AllocationFamily.NativeMemory => "NativeMemory.Alloc",
        AllocationFamily.NativeMemoryAligned => "NativeMemory.AlignedAlloc",
        AllocationFamily.HGlobal => "Marshal.AllocHGlobal",
        AllocationFamily.CoTaskMem => "Marshal.AllocCoTaskMem",
        _ => f.ToString(),
    };

    public static string Deallocator(AllocationFamily f) => f switch
    {
        AllocationFamily.NativeMemory => "NativeMemory.Free",
        AllocationFamily.NativeMemoryAligned => "NativeMemory.AlignedFree",
        AllocationFamily.HGlobal => "Marshal.FreeHGlobal",
        AllocationFamily.CoTaskMem => "Marshal.FreeCoTaskMem",
        _ => f.ToString(),
    };
}
