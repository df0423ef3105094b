using SharpSan.Runtime.Common.Reporting;
using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Common.Threads;

namespace SharpSan.Runtime.Address.Errors;

/// <summary>
/// A bad access found without the shadow (whose bytes are clean there): by a buffer's metadata bounds or by SGCheck's
/// heuristic. The detector knows where the address lies, so the description lines come with the error; there is no
/// shadow dump, because the shadow has nothing to show.
/// </summary>
internal sealed class DescribedAccessError(string kind, nuint address, int size, bool isWrite, IReadOnlyList<string> description, long[] stack) : ErrorReport
{
    readonly int _tid = ThreadRegistry.CurrentId;

    public override string Tool => "AddressSanitizer";
    public override string Kind => kind;
    public override string DeduplicationKey => $"{Kind}@{StackFrame.LocationKey(stack)}";

    public override void Print(ReportBuilder report)
    {
        report.Error(Tool, $"{Kind} on address 0x{address:x}");
        report.Line($"{(isWrite ? "WRITE" : "READ")} of size {size} at 0x{address:x} thread {ThreadRegistry.Describe(_tid)}");
        var top = report.Stack(stack);
        foreach (var line in description) report.Line(line);
        report.Line();
        report.Summary(Tool, Kind, top);
    }
}
