namespace SharpSan.Runtime.Races;

/// <summary>ThreadSanitizer's options, read once (hot paths test static readonly fields, which tier-1 code folds).</summary>
internal static class RaceOptions
{
    /// <summary>race_stats=1: count accesses by path (O(1), same epoch) and print the fractions at exit.</summary>
    public static readonly bool Stats = SanitizerRuntime.Options.GetBool("race_stats");

    /// <summary>Entries of each thread's access history: 8192 &lt;&lt; history_size (history_size 0..7, as TSan).</summary>
    public static readonly int HistoryEntries = 8192 << (int)Math.Clamp(SanitizerRuntime.Options.GetInt("history_size"), 0, 7);
}
