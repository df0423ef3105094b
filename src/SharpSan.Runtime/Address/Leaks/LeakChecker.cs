using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Common.Reporting;
using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Common.Testing;

namespace SharpSan.Runtime.Address.Leaks;

/// <summary>
/// LeakSanitizer at exit: after giving finalizers a chance to free what they own, every live chunk that no
/// root (static field graph) reaches, directly or through other reachable chunks, is leaked. Leaked chunks
/// pointed to only by other leaked chunks are indirect leaks. Blocks are grouped by allocation stack.
/// </summary>
internal static unsafe class LeakChecker
{
    public static void Run(HeapAllocator heap)
    {
        if (heap.LiveCount == 0) return;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var chunks = heap.LiveChunkStarts().Select(p => HeapAllocator.TryGetChunk(p, out var c) ? c : (ChunkView?)null)
            .Where(c => c is { State: ChunkState.Allocated }).Select(c => c!.Value).OrderBy(c => c.UserBegin).ToArray();
        if (chunks.Length == 0) return;

        var reachable = new bool[chunks.Length];
        var work = new Stack<int>();
        void Mark(nuint candidate, bool[] marks)
        {
            int i = IndexOf(chunks, candidate);
            if (i >= 0 && !marks[i]) { marks[i] = true; work.Push(i); }
        }
        var scan = new RootScan([.. RootScanner.InstrumentedModules()], p => Mark(p, reachable));
        scan.Statics();
        Flood(chunks, work, reachable, Mark);
        if (reachable.Contains(false))
        {
            // Only now worth it: generic instantiations found by reading generic code, pool threads' [ThreadStatic]s.
            scan.MoreRoots();
            Flood(chunks, work, reachable, Mark);
        }
        if (!reachable.Contains(false)) return;
        if (scan.Warning() is { } warning) Console.Error.WriteLine($"=={SanitizerRuntime.Pid}==WARNING: LeakSanitizer: {warning}");

        // Among leaked chunks, those referenced by another leaked chunk are indirect.
        var referenced = new bool[chunks.Length];
        for (int i = 0; i < chunks.Length; i++)
        {
            if (reachable[i]) continue;
            ScanChunk(chunks[i], p =>
            {
                int j = IndexOf(chunks, p);
                if (j >= 0 && j != i && !reachable[j]) referenced[j] = true;
            });
        }

        var leaks = new List<LeakBlock>();
        int inFailedTests = 0;
        foreach (var group in Enumerable.Range(0, chunks.Length).Where(i => !reachable[i])
                     .GroupBy(i => (Stack: chunks[i].AllocStack, Indirect: referenced[i])))
        {
            var block = new LeakBlock(group.Key.Indirect, group.Sum(i => (long)chunks[i].UserSize), group.Count(), group.Key.Stack);
            // What a test allocated before a finding failed it leaks because the exception skipped its clean-up: noise.
            if (TestAttribution.InTestFailedByFinding(StackDepot.Get(block.Stack))) inFailedTests++;
            // A `leak:` suppression drops the blocks whose allocation stack it matches, not the whole report.
            else if (!SanitizerRuntime.IsSuppressed("leak", LeakReport.Describe(block))) leaks.Add(block);
        }
        if (inFailedTests > 0)
            Console.Error.WriteLine($"=={SanitizerRuntime.Pid}==SharpSan: not reporting {inFailedTests} leak(s) allocated by tests that a finding failed (their clean-up never ran)");
        if (leaks.Count > 0) SanitizerRuntime.Report(new LeakReport(leaks, scan.ThreadStaticFieldNames));
    }

    static void Flood(ChunkView[] chunks, Stack<int> work, bool[] marks, Action<nuint, bool[]> mark)
    {
        while (work.Count > 0)
        {
            int i = work.Pop();
            ScanChunk(chunks[i], p => mark(p, marks));
        }
    }

    static void ScanChunk(ChunkView chunk, Action<nuint> candidate)
    {
        nuint* words = (nuint*)chunk.UserBegin;
        ulong count = chunk.UserSize / (ulong)sizeof(nuint);
        for (ulong k = 0; k < count; k++) candidate(words[k]);
    }

    static int IndexOf(ChunkView[] chunks, nuint p)
    {
        int lo = 0, hi = chunks.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var c = chunks[mid];
            if (p < c.UserBegin) hi = mid - 1;
            else if (p >= c.UserBegin + (nuint)Math.Max(c.UserSize, 1)) lo = mid + 1;
            else return mid;
        }
        return -1;
    }
}

internal sealed record LeakBlock(bool Indirect, long Bytes, int Objects, int Stack);

/// <summary>LeakSanitizer's report: one block per allocation stack, largest first, then the byte total.</summary>
internal sealed class LeakReport(List<LeakBlock> blocks, IReadOnlyList<string> unreadThreadStatics) : ErrorReport
{
    public override string Tool => "LeakSanitizer";
    public override string Kind => "leak";
    public override string DeduplicationKey => "leaks";

    static void PrintBlock(ReportBuilder report, LeakBlock b)
    {
        report.Line($"{(b.Indirect ? "Indirect" : "Direct")} leak of {b.Bytes} byte(s) in {b.Objects} object(s) allocated from:");
        report.Stack(StackDepot.Get(b.Stack));
        report.Line();
    }

    public static string Describe(LeakBlock block)
    {
        var report = new ReportBuilder();
        PrintBlock(report, block);
        return report.ToString();
    }

    public override void Print(ReportBuilder report)
    {
        report.Error(Tool, "detected memory leaks");
        report.Line();
        foreach (var b in blocks.OrderBy(b => b.Indirect).ThenByDescending(b => b.Bytes)) PrintBlock(report, b);
        if (unreadThreadStatics.Count > 0)
        {
            string fields = string.Join(", ", unreadThreadStatics.Take(5)) + (unreadThreadStatics.Count > 5 ? ", …" : "");
            report.Line($"note: .NET cannot read the [ThreadStatic] values ({fields}) of live threads other than the main thread, " +
                "the exiting thread and idle thread-pool threads: blocks referenced only from those are reported as leaks");
            report.Line();
        }
        report.Line($"SUMMARY: AddressSanitizer: {blocks.Sum(b => b.Bytes)} byte(s) leaked in {blocks.Sum(b => b.Objects)} allocation(s).");
    }
}
