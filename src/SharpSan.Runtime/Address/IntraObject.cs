using System.Runtime.CompilerServices;
using SharpSan.Runtime.Common.Reporting;
using SharpSan.Runtime.Common.Threads;

namespace SharpSan.Runtime.Address;

/// <summary>
/// Checks that an access through a C# <c>fixed</c> buffer stays inside the buffer (intra-object-overflow): the
/// rewriter passes the buffer's start and size, known from its [FixedBuffer] metadata, next to the address.
/// </summary>
public static unsafe class IntraObject
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check(void* address, int size, void* buffer, int bufferBytes, int site, bool isWrite, string name)
    {
        if ((ulong)((nuint)address - (nuint)buffer) + (ulong)size > (ulong)bufferBytes) Report(address, size, buffer, bufferBytes, site, isWrite, name);
    }

    // An access that also leaves the whole object is the shadow's to report (heap-/stack-/global-buffer-overflow).
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Report(void* address, int size, void* buffer, int bufferBytes, int site, bool isWrite, string name)
    {
        if (ShadowMemory.FirstBadAddress((nuint)address, (nuint)size) != 0) return;
        SanitizerRuntime.Report(new IntraObjectOverflowError((nuint)address, size, isWrite, (nuint)buffer, bufferBytes, name,
            AddressSanitizer.CaptureForReport(-1, site)));
    }
}

internal sealed class IntraObjectOverflowError(nuint address, int size, bool isWrite, nuint buffer, int bufferBytes, string name, long[] stack) : ErrorReport
{
    readonly int _tid = ThreadRegistry.CurrentId;

    public override string Tool => "AddressSanitizer";
    public override string Kind => "intra-object-overflow";
    public override string DeduplicationKey => $"{Kind}@{Common.Stacks.StackFrame.LocationKey(stack)}";

    public override void Print(ReportBuilder report)
    {
        report.Error(Tool, $"{Kind} on address 0x{address:x}");
        report.Line($"{(isWrite ? "WRITE" : "READ")} of size {size} at 0x{address:x} thread {ThreadRegistry.Describe(_tid)}");
        var top = report.Stack(stack);
        long offset = (long)address - (long)buffer;
        string relation = offset < 0 ? $"{-offset} bytes to the left of" : $"{offset - bufferBytes} bytes to the right of";
        report.Line($"0x{address:x} is located {relation} {bufferBytes}-byte fixed buffer '{name}' [0x{buffer:x},0x{buffer + (nuint)bufferBytes:x}),");
        report.Line("inside the same object (the neighbouring fields are overwritten; the shadow cannot see this)");
        report.Line();
        report.Summary(Tool, Kind, top);
    }
}
