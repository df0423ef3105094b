using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Common.Reporting;
using SharpSan.Runtime.Common.Threads;

namespace SharpSan.Runtime.Address.Errors;

/// <summary>
/// "0x… is located N bytes to the right of M-byte region [a,b)" plus the chunk's free and allocation stacks.
/// </summary>
internal readonly struct HeapAddressDescription(nuint address, ChunkView chunk)
{
    public ChunkView Chunk => chunk;

    public static bool TryPrint(nuint address, ReportBuilder report)
    {
        if (Find(address) is not { } description) return false;
        description.Print(report);
        return true;
    }

    public static HeapAddressDescription? Find(nuint address) =>
        HeapAllocator.TryFindChunkNear(address, out var chunk) ? new HeapAddressDescription(address, chunk) : null;

    public string Relation => Located.Relation(address, chunk.UserBegin, (nuint)chunk.UserSize);

    public void Print(ReportBuilder report)
    {
        nuint begin = chunk.UserBegin, end = begin + (nuint)chunk.UserSize;
        report.Line($"0x{address:x} is located {Relation} {chunk.UserSize}-byte region [0x{begin:x},0x{end:x})");
        if (chunk.State == ChunkState.Quarantined)
        {
            var free = chunk.Free;
            report.Line($"freed by thread {ThreadRegistry.Describe(free.FreeThread)} here:");
            report.Stack(free.FreeStack);
            report.Line();
            report.Line($"previously allocated by thread {ThreadRegistry.Describe(chunk.AllocThread)} here:");
        }
        else
        {
            report.Line($"allocated by thread {ThreadRegistry.Describe(chunk.AllocThread)} here:");
        }
        report.Stack(chunk.AllocStack);
        report.Line();
    }
}
