using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Races.Reports;

/// <summary>Gathers what a data race report needs at the moment the race is seen, and hands it to the runtime's reporting.</summary>
internal static class RaceReporter
{
    static readonly HashSet<long> s_reportedVariables = [];

    public static void Report(RaceThread thread, ref RaceCell cell, in Variable variable, int site, bool isWrite, long previous, bool previousWrite, string? api = null, bool atomic = false)
    {
        // After an internal error lost a happens-before edge, an unordered-looking pair may well be ordered.
        if (Common.InternalErrors.HasLost(Common.LostTracking.Synchronisation)) return;
        // TSan's suppress_equal_addresses: `x++` racing with `x++` is one bug, not a read/write and a write/write report.
        lock (s_reportedVariables)
            if (!s_reportedVariables.Add(variable.Key)) return;
        Span<long> frames = stackalloc long[64];
        int n;
        if (api is null) n = ShadowStack.Capture(frames, site);
        else
        {
            // A call on a collection: the synthetic "Call to Dictionary<K,V>.Add (write)" frame above the caller's.
            frames[0] = StackFrame.Pack(StackFrame.SyntheticKey, SyntheticFrames.Register(api));
            n = ShadowStack.Capture(frames[1..], site) + 1;
        }
        long[] stack = frames[..n].ToArray();
        var other = RaceThread.Find(Epoch.Tid(previous));
        int previousStack = other?.History.Find(variable.Key, Epoch.Clock(previous), previousWrite) ?? -1;
        var accessSite = n > 0 && api is null ? AccessSite.Decode(stack[0]) : null;
        // A small struct field has a cell per member: say which one an access through its address raced on (a copy of
        // the whole struct is reported as the whole field).
        string? member = accessSite is { IsAddress: true, Field: { FieldType.IsValueType: true } field } ? MemberCells.PathOf(field, variable, ref cell) : null;
        var report = new DataRaceReport(
            new RaceAccess(thread, isWrite, stack, -1, IsAtomic: atomic),
            new RaceAccess(other, previousWrite, null, previousStack, Epoch.Tid(previous), Epoch.IsAtomic(previous)),
            RaceLocation.Describe(variable, accessSite, member),
            RaceLocation.SizeOf(variable, accessSite, member),
            variable.Address(ref cell),
            RaceOptions.Hybrid ? Hybrid.HybridLocks.Evidence(thread, isWrite, previous, previousWrite) : null);
        // The report machinery (symbolizer, suppressions, files) must not see its own accesses as checked code.
        thread.IgnoreAll++;
        try
        {
            SanitizerRuntime.Report(report);
        }
        finally
        {
            thread.IgnoreAll--;
        }
    }
}
