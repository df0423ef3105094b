using SharpSan.Runtime.Common.Reporting;
using SharpSan.Runtime.Common.Symbolization;

namespace SharpSan.Runtime.Guard.Errors;

/// <summary>
/// An access that touched an inaccessible page of the guarded pool — caught at the faulting instruction, by managed or
/// native code: heap-buffer-overflow next to a live block, heap-use-after-free in a freed one.
/// </summary>
internal sealed class GuardedAccessError : ErrorReport
{
    readonly nuint _address;
    readonly bool _isWrite;
    readonly int _osThread;
    readonly SymbolizedFrame[] _stack;
    readonly string? _stackNote;
    readonly (nuint User, ulong Size, SymbolizedFrame[] Alloc, int AllocThread, SymbolizedFrame[]? Free, int FreeThread)? _block;
    readonly string _kind;

    public GuardedAccessError(nuint address, bool isWrite, int osThread, SymbolizedFrame[] stack, string? stackNote, GuardSlot? slot)
    {
        _address = address;
        _isWrite = isWrite;
        _osThread = osThread;
        _stack = stack;
        _stackNote = stackNote;
        if (slot is not null)
            _block = (slot.User, slot.Size, slot.AllocStack?.Frames ?? [], slot.AllocThread, slot.State == GuardSlotState.Freed ? slot.FreeStack?.Frames ?? [] : null, slot.FreeThread);
        _kind = slot?.State == GuardSlotState.Freed ? "heap-use-after-free" : "heap-buffer-overflow";
    }

    public override string Tool => "AddressSanitizer";
    public override string Kind => _kind;
    public override string DeduplicationKey => $"{Kind}@" + (_stack.Length > 0 ? _stack[0].Location : $"0x{_address:x}");

    public override void Print(ReportBuilder report)
    {
        report.Error(Tool, $"{Kind} on address 0x{_address:x}");
        report.Line($"{(_isWrite ? "WRITE" : "READ")} at 0x{_address:x} (size unknown: stopped at the first inaccessible byte) by OS thread {_osThread}");
        var top = _stack.Length > 0 ? report.Stack(_stack) : null;
        if (_stackNote is not null) report.Line($"    {_stackNote}");
        report.Line();
        report.Line("Found by SharpSan's guard allocator (--sanitize guard): the access touched a guard page or a freed guarded block.");
        GuardedFreeError.Describe(report, _address, _block);
        report.Summary(Tool, Kind, top);
    }
}
