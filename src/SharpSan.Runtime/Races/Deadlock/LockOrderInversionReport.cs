using SharpSan.Runtime.Common.Reporting;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Races.Deadlock;

/// <summary>
/// <c>WARNING: ThreadSanitizer: lock-order-inversion (potential deadlock)</c>, in TSan's grammar: the cycle, then for
/// each edge where the second lock was acquired while holding the first, and where the first had been acquired.
/// Locks are named M0, M1, … in cycle order.
/// </summary>
internal sealed class LockOrderInversionReport(IReadOnlyList<LockEdge> cycle) : ErrorReport
{
    public override string Tool => "ThreadSanitizer";
    public override string Kind => "lock-order-inversion (potential deadlock)";
    public override int DefaultExitCode => 66;
    public override string SeparatorLine => ThreadSanitizer.Separator;

    public override string DeduplicationKey =>
        "lock-order:" + string.Join("|", cycle.Select(e => StackKey(e.AcquiredStack) + ">" + StackKey(e.HeldStack)).Order());

    static string StackKey(int stack) =>
        stack > 0 && StackDepot.Get(stack) is { Length: > 0 } frames ? StackFrame.LocationKey(frames) : "?";

    public override void Print(ReportBuilder report)
    {
        var names = new Dictionary<int, string>();
        foreach (var e in cycle) names.TryAdd(e.From, "M" + names.Count);
        string Name(int id) => names.TryGetValue(id, out var n) ? n : "M?";
        string Address(int id) => $"0x{(0x7b0000000000L + ((long)id << 4)):x12}";

        report.Line($"WARNING: ThreadSanitizer: lock-order-inversion (potential deadlock) (pid={report.Pid})");
        report.Line("  Cycle in lock order graph: "
            + string.Join(" => ", cycle.Select(e => $"{Name(e.From)} ({Address(e.From)})")) + $" => {Name(cycle[0].From)}");
        report.Line();
        SharpSan.Runtime.Common.Symbolization.SymbolizedFrame? top = null;
        foreach (var e in cycle)
        {
            report.Line($"  Mutex {Name(e.To)} acquired here while holding mutex {Name(e.From)} in {ThreadSanitizer.Describe(e.Tid)}:");
            var t = report.Stack(e.AcquiredStack);
            top ??= t;
            report.Line();
            report.Line($"  Mutex {Name(e.From)} previously acquired by the same thread here:");
            report.Stack(e.HeldStack);
            report.Line();
        }
        ThreadSanitizer.PrintThreads(report, cycle.Select(e => e.Tid));
        report.Summary(Tool, Kind, top);
        report.Line(ThreadSanitizer.Separator);
    }
}
