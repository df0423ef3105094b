namespace SharpSan.Runtime.Races;

/// <summary>ThreadSanitizer's options, read once (hot paths test static readonly fields, which tier-1 code folds).</summary>
internal static class RaceOptions
{
    /// <summary>race_stats=1: count accesses by path (O(1), same epoch) and print the fractions at exit.</summary>
    public static readonly bool Stats = SanitizerRuntime.Options.GetBool("race_stats");

    /// <summary>Entries of each thread's access history: 8192 &lt;&lt; history_size (history_size 0..7, as TSan).</summary>
    public static readonly int HistoryEntries = 8192 << (int)Math.Clamp(SanitizerRuntime.Options.GetInt("history_size"), 0, 7);

    /// <summary>report_atomic_races: 0 none, 1 (default) when the plain access writes, 2 plain reads too (TSan).</summary>
    public static readonly int AtomicRaces = (int)Math.Clamp(SanitizerRuntime.Options.GetInt("report_atomic_races"), 0, 2);

    /// <summary>race_detector=hybrid: locks give locksets, not happens-before edges (see Hybrid.HybridLocks).</summary>
    public static readonly bool Hybrid = SanitizerRuntime.Options.GetString("race_detector") == "hybrid";

    /// <summary>Whether a race between a plain access (a write when <paramref name="plainWrites"/>) and an atomic one is reported.</summary>
    public static bool ReportsAtomicRace(bool plainWrites) => AtomicRaces >= (plainWrites ? 1 : 2);
}
