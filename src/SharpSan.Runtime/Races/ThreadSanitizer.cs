using SharpSan.Runtime.Common.Reporting;

namespace SharpSan.Runtime.Races;

/// <summary>Process-wide parts of ThreadSanitizer: start-up, thread descriptions in reports, statistics at exit.</summary>
internal static class ThreadSanitizer
{
    public const string Separator = "==================";
    static int s_initialized;

    public static void EnsureInitialized()
    {
        if (Volatile.Read(ref s_initialized) != 0 || Interlocked.Exchange(ref s_initialized, 1) != 0) return;
        SanitizerRuntime.EnsureInitialized();
        Deadlock.LockOrderDetector.Subscribe();
        if (RaceOptions.Stats) SanitizerRuntime.BeforeExit += PrintStats;
    }

    public static string Describe(int tid) => tid == 0 ? "main thread" : $"thread T{tid}";

    /// <summary>TSan's "Thread T2 (tid=…, running) created by main thread at:" block for each thread but the main one.</summary>
    public static void PrintThreads(ReportBuilder report, IEnumerable<int> tids)
    {
        foreach (int tid in tids.Distinct().Where(t => t > 0).Order())
        {
            var thread = RaceThread.Find(tid);
            string state = thread is null ? "" : $"tid={thread.OsTid}, {(thread.Finished ? "finished" : "running")}";
            if (thread is null || thread.CreatorTid < 0)
            {
                report.Line($"  Thread T{tid} ({state}) is a thread the program did not start from checked code (thread pool or runtime).");
                report.Line();
                continue;
            }
            string how = thread.CreatedByThreadPool ? "is running a work item queued" : "created";
            report.Line($"  Thread T{tid} ({state}) {how} by {Describe(thread.CreatorTid)} at:");
            report.Stack(thread.CreationStack);
            report.Line();
        }
    }

    static void PrintStats()
    {
        long accesses = 0, same = 0, vector = 0, records = 0, activationHits = 0, pathHits = 0, pathLevels = 0, captures = 0, runs = 0;
        foreach (var t in RaceThread.All())
        {
            accesses += t.Accesses;
            same += t.SameEpoch;
            vector += t.VectorPath;
            records += t.History.Records;
            activationHits += t.History.ActivationHits;
            pathHits += t.History.PathHits;
            pathLevels += t.History.PathLevels;
            captures += t.History.Captures;
            runs += t.History.RunExtensions;
        }
        double Percent(long n) => accesses == 0 ? 0 : 100.0 * n / accesses;
        Console.Error.WriteLine(FormattableString.Invariant(
            $"=={SanitizerRuntime.Pid}==ThreadSanitizer: stats: accesses={accesses} o1={accesses - vector} ({Percent(accesses - vector):0.00}%) same_epoch={same} ({Percent(same):0.00}%)"));
        // Where the history found the stacks of the accesses it recorded (AccessHistory's caches).
        Console.Error.WriteLine(FormattableString.Invariant(
            $"=={SanitizerRuntime.Pid}==ThreadSanitizer: stats: history_records={records} same_activation={activationHits} ancestor_path={pathHits} (mean depth {(pathHits == 0 ? 0 : (double)pathLevels / pathHits):0.0}) captures={captures} run_extensions={runs}"));
    }
}
