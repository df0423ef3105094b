using SharpSan.Runtime.Common.Reporting;
using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Common.Threads;

namespace SharpSan.Runtime.Address.Pools;

/// <summary>
/// An array returned to the pool while it was already there (ASan's double-free for pools): the current Return
/// stack, the earlier Return stack and the Rent stack. Printed at the second Return, which the pool then ignores.
/// </summary>
internal sealed class PoolDoubleReturnError(PoolRecord record, long[] stack, int tid) : ErrorReport
{
    // Snapshot now: the record changes if the array is rented again later.
    readonly string _shape = record.Shape;
    readonly nuint _begin = record.Begin;
    readonly nuint _bytes = record.Bytes;
    readonly int _returnStack = record.ReturnStack, _returnThread = record.ReturnThread;
    readonly int _rentStack = record.RentStack, _rentThread = record.RentThread;

    public override string Tool => "AddressSanitizer";
    public override string Kind => "pool-double-return";
    public override string DeduplicationKey => $"{Kind}@{StackFrame.LocationKey(stack)}";

    public override void Print(ReportBuilder report)
    {
        string array = record.Shadowed ? $"0x{_begin:x} " : "";
        report.Error(Tool, $"attempting pool-double-return of pooled array {array}({_shape}) in thread {ThreadRegistry.Describe(tid)}:");
        var top = report.Stack(stack);
        report.Line();
        if (record.Shadowed) report.Line($"0x{_begin:x} is located 0 bytes inside of {_bytes}-byte pooled array [0x{_begin:x},0x{_begin + _bytes:x}) ({_shape})");
        else report.Line($"the array is a pooled array ({_shape})");
        report.Line($"returned to the pool by thread {ThreadRegistry.Describe(_returnThread)} here:");
        report.Stack(_returnStack);
        report.Line();
        report.Line($"previously rented by thread {ThreadRegistry.Describe(_rentThread)} here:");
        report.Stack(_rentStack);
        report.Line();
        report.Summary(Tool, Kind, top);
    }
}
