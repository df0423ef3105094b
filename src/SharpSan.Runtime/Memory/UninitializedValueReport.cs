using SharpSan.Runtime.Common.Reporting;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Memory;

/// <summary>MSan's one report: an undefined value was used (branched on, dereferenced, handed out), with its origin.</summary>
internal sealed class UninitializedValueReport(long[] stack, int origin, string? use) : ErrorReport
{
    public override string Tool => "MemorySanitizer";
    public override string Kind => "use-of-uninitialized-value";
    public override string DeduplicationKey => $"{Kind}@{StackFrame.LocationKey(stack)}";
    public override int DefaultExitCode => 77;

    /// <summary>MSan prints nothing before its reports: the first line is the warning (or the consumed bytes' line), as clang-14's.</summary>
    public override string SeparatorLine => "";

    public override void Print(ReportBuilder report)
    {
        // MSan names the bytes a consumer was handed on a line of its own, before the warning.
        if (use is not null) report.Line(use);
        report.Line($"=={report.Pid}==WARNING: MemorySanitizer: {Kind}");
        var top = report.Stack(stack);
        report.Line();
        if (Origins.Tracking != 0)
        {
            Origins.Print(origin, report);
            report.Line();
        }
        report.Summary(Tool, Kind, top);
    }
}
