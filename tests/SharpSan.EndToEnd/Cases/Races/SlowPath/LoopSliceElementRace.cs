// A loop over one array slice with no synchronisation inside (what a per-loop shadow range update may cover): the
// worker sums and rewrites [0, 600) in several passes; main, ordered in time only, rewrites [400, 1000) once. The
// first shared element, 400, races; the report must name main's loop line and that element, not the loop's start.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static void Scale(int[] a, int from, int to, int passes)
    {
        for (int pass = 0; pass < passes; pass++)
            for (int i = from; i < to; i++)
                a[i] = a[i] * 3 + pass;
    }

    static void Main()
    {
        var a = new int[1000];
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Scale(a, 0, 600, 4);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        for (int i = 400; i < a.Length; i++)
            a[i] = -i;
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}LoopSliceElementRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Scale(int[], int, int, int) {{.*}}LoopSliceElementRace.cs:[[@LINE-25]]
// CHECK: Location is element [400] of array int[] of length 1000.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}LoopSliceElementRace.cs:[[@LINE-12]] in Demo.Program.Main()
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
