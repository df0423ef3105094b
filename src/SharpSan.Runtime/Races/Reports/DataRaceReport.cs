using SharpSan.Runtime.Common.Reporting;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Races.Reports;

/// <summary>One side of a race: who accessed, how, and the stack (captured now, or restored from the history).</summary>
internal sealed record RaceAccess(RaceThread? Thread, bool IsWrite, long[]? Stack, int HistoryStack, int Tid = -1, bool IsAtomic = false)
{
    public int ThreadId => Thread?.Tid ?? Tid;

    /// <summary>"write", "atomic read", … as TSan words it.</summary>
    public string Kind => (IsAtomic ? "atomic " : "") + (IsWrite ? "write" : "read");

    public long[]? Frames => Stack ?? (HistoryStack > 0 ? StackDepot.Get(HistoryStack) : null);
}

/// <summary>
/// <c>WARNING: ThreadSanitizer: data race</c>, in TSan's grammar: the current access and its stack, the previous
/// conflicting access and its stack (or "[failed to restore the stack]"), the location, and where each thread was
/// created. Under race_detector=hybrid, also the locks each side held (<see cref="Hybrid.LocksetEvidence"/>).
/// </summary>
internal sealed class DataRaceReport(RaceAccess current, RaceAccess previous, string location, int size, nuint address, Hybrid.LocksetEvidence? locksets = null) : ErrorReport
{
    public override string Tool => "ThreadSanitizer";
    public override string Kind => "data race";
    public override int DefaultExitCode => 66;
    public override string SeparatorLine => ThreadSanitizer.Separator;

    /// <summary>One report per racing pair of code locations, whichever came first.</summary>
    public override string DeduplicationKey
    {
        get
        {
            string a = current.Frames is { Length: > 0 } c ? StackFrame.LocationKey(c) : "?";
            string b = previous.Frames is { Length: > 0 } p ? StackFrame.LocationKey(p) : "T" + previous.ThreadId + "?" + location;
            return string.CompareOrdinal(a, b) <= 0 ? $"race:{a}|{b}" : $"race:{b}|{a}";
        }
    }

    public override void Print(ReportBuilder report)
    {
        report.Line($"WARNING: ThreadSanitizer: data race (pid={report.Pid})");
        report.Line($"  {char.ToUpperInvariant(current.Kind[0])}{current.Kind[1..]} of size {size} at 0x{address:x} by {ThreadSanitizer.Describe(current.ThreadId)}:");
        var top = report.Stack(current.Frames ?? []);
        report.Line();
        report.Line($"  Previous {previous.Kind} of size {size} at 0x{address:x} by {ThreadSanitizer.Describe(previous.ThreadId)}:");
        if (previous.Frames is { } frames) report.Stack(frames);
        else report.Line("    [failed to restore the stack]");
        report.Line();
        report.Line($"  Location is {location}.");
        report.Line();
        locksets?.Print(report, current.Kind, previous.Kind);
        ThreadSanitizer.PrintThreads(report, [current.ThreadId, previous.ThreadId]);
        report.Summary(Tool, Kind, top);
        report.Line(ThreadSanitizer.Separator);
    }
}
