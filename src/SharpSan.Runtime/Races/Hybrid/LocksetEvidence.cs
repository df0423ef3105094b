using SharpSan.Runtime.Common.Reporting;

namespace SharpSan.Runtime.Races.Hybrid;

/// <summary>
/// The hybrid detector's part of a data race report, worded after TSan v1's hybrid reports ("locks held: {L1}",
/// "Locks involved in this report (reporting last lock sites)"): which locks each access held, and where each was last
/// taken. The sets are of the locks that count for the access (a write's write-held locks).
/// </summary>
internal sealed record LocksetEvidence(int[] Current, int[] Previous)
{
    public void Print(ReportBuilder report, string currentKind, string previousKind)
    {
        report.Line($"  Found by the hybrid (lockset) detector: the {currentKind} held {Describe(Current)}; the previous {previousKind} held {Describe(Previous)}. No lock protects both, and no other synchronisation orders them.");
        var involved = Current.Concat(Previous).Distinct().Order().ToArray();
        if (involved.Length == 0)
        {
            report.Line();
            return;
        }
        report.Line($"  Locks involved in this report (reporting last lock sites): {Set(involved)}");
        foreach (int id in involved)
        {
            if (LockRegistry.Find(id) is not { } info) continue;
            report.Line($"  L{id} ({info.Kind}) last acquired by {ThreadSanitizer.Describe(info.LastTid)} at:");
            report.Stack(info.LastStack);
            report.Line();
        }
    }

    static string Describe(int[] locks) => locks.Length == 0 ? "no lock" : "locks " + Set(locks);

    static string Set(int[] locks) => "{" + string.Join(", ", locks.Select(l => "L" + l)) + "}";
}
