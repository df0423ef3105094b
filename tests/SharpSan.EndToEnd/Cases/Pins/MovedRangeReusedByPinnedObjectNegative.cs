// An array is pinned and unpinned, then a compacting collection moves it away; the GC hands the memory it left to
// new arrays. A new array found over that memory is pinned (by `fixed` over the array, then over a span of it) and
// written through its pointer: legitimate, however stale the old array's pointers are. No report.
using System;
using System.Runtime.CompilerServices;

static unsafe class Program
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static object[] Garbage()
    {
        var garbage = new object[2000];
        for (int i = 0; i < garbage.Length; i++) garbage[i] = new byte[64];
        return garbage;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static nuint AddressOf(int[] array)
    {
        fixed (int* p = array) return (nuint)p;
    }

    static bool Overlaps(nuint a, nuint b) => a < b + 32 && b < a + 32;

    static string Round(bool throughSpan, System.Diagnostics.Stopwatch budget)
    {
        var before = Garbage();
        var data = new int[8];
        nuint old;
        fixed (int* p = data) { old = (nuint)p; p[0] = 1; }
        before = null;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        if (Overlaps(AddressOf(data), old)) return "did not move";
        var fresh = new int[8][];
        for (int i = 0; i < 200_000; i++)
        {
            if ((i & 1023) == 0 && budget.Elapsed > Budget) break;
            var candidate = new int[8];
            fresh[i % 8] = candidate;
            if (throughSpan)
            {
                fixed (int* q = candidate.AsSpan())
                    if (Overlaps((nuint)q, old)) { for (int k = 0; k < 8; k++) q[k] = k; return $"reused through a span pin after {i}, sum {candidate[7] + data[0]}"; }
            }
            else
            {
                fixed (int* q = candidate)
                    if (Overlaps((nuint)q, old)) { for (int k = 0; k < 8; k++) q[k] = k; return $"reused through an array pin after {i}, sum {candidate[7] + data[0]}"; }
            }
        }
        return "not reused";
    }

    // Whether the GC hands the vacated range out again within one round depends on the heap's layout: try a few rounds
    // (each a fresh array, a fresh pin and a fresh compaction) before giving up. The time budget keeps the suite's
    // fault-injection run (every pin call failing inside SharpSan, each failure contained at a cost) under its timeout.
    static readonly TimeSpan Budget = TimeSpan.FromSeconds(8);

    static string Reused(bool throughSpan)
    {
        string outcome = "";
        var budget = System.Diagnostics.Stopwatch.StartNew();
        for (int attempt = 0; attempt < 8 && budget.Elapsed < Budget; attempt++)
        {
            outcome = Round(throughSpan, budget);
            if (outcome.StartsWith("reused", StringComparison.Ordinal)) break;
        }
        return outcome;
    }

    static void Main()
    {
        Console.WriteLine(Reused(throughSpan: false));
        Console.WriteLine(Reused(throughSpan: true));
    }
}
// CHECK-NOT: ERROR:
// CHECK: reused through an array pin after {{[0-9]+}}, sum 8
// CHECK: reused through a span pin after {{[0-9]+}}, sum 8
// CHECK-NOT: ERROR:
