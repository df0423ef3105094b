using SharpSan.Runtime.Address.Errors;
using SharpSan.Runtime.Common.Reporting;
using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Common.Symbolization;
using SharpSan.Runtime.Common.Threads;

namespace SharpSan.Runtime.Address.Finalization;

/// <summary>
/// A finalizer (or the ReleaseHandle it called) freed native memory while a method of the same object was still running
/// on another thread: the free stack, the running method's stack, then the chunk and its allocation stack.
/// </summary>
internal sealed class PrematureFinalizationError(nuint pointer, long[] freeStack, ActiveMethod released, ActiveMethod active, long[] activeStack, int activeTid) : ErrorReport
{
    readonly int _tid = ThreadRegistry.CurrentId;

    public override string Tool => "AddressSanitizer";
    public override string Kind => "premature-finalization";
    public override string DeduplicationKey => $"{Kind}@{active.FrameKey}/{StackFrame.LocationKey(freeStack)}";

    public override void Print(ReportBuilder report)
    {
        string typeName = TypeName(released.Type);
        string method = Symbolizer.Symbolize(new StackFrame(active.FrameKey, 0)).Method;
        string finalizer = released.Kind == ActiveMethodKind.Release ? $"the finalizer of {typeName} (through ReleaseHandle)" : $"the finalizer of {typeName}";
        report.Error(Tool, $"{Kind} on address 0x{pointer:x} ({finalizer} freed native memory while {method} is still running on the same object)");
        report.Line($"FREE of 0x{pointer:x} by thread {ThreadRegistry.Describe(_tid)} (finalizer):");
        report.Stack(freeStack);
        report.Line();
        report.Line($"{method} is still running in thread {ThreadRegistry.Describe(activeTid)}:");
        var running = report.Stack(activeStack);
        report.Line();
        AddressDescriptions.Print(pointer, 1, report);
        report.Line($"HINT: the object is unreachable once the method stops using 'this'; call GC.KeepAlive(this) after the last use of the native memory");
        report.Summary(Tool, Kind, running);
    }

    static string TypeName(nint handle)
    {
        try { return Type.GetTypeFromHandle(RuntimeTypeHandle.FromIntPtr(handle))?.FullName ?? "an object"; }
        catch (ArgumentException) { return "an object"; }
    }
}
