// The worker's first pass over a 20,000-element slice records one history entry per element in order — more than the
// history's 8,192 entries under history_size=0, so before element runs the entry of element 100 was gone when main
// raced with it ("failed to restore the stack"). As one run it stays: the report must restore the worker's stack at
// the loop's line.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static void Fill(int[] a, int from, int to)
    {
        for (int i = from; i < to; i++)
            a[i] = i * 7;
    }

    static void Main()
    {
        var a = new int[20000];
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Fill(a, 0, a.Length);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        int seen = a[100];
        worker.Join();
        Console.WriteLine($"done {seen}");
    }
}
// SANITIZE: thread
// ENV: SHARPSAN_OPTIONS=history_size=0
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}LongSliceRaceRestoresStack.cs:[[@LINE-9]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Fill(int[], int, int) {{.*}}LongSliceRaceRestoresStack.cs:[[@LINE-25]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Demo.Program.<>c__DisplayClass1_0.<Main>b__0() {{.*}}LongSliceRaceRestoresStack.cs:[[@LINE-17]]
// CHECK: Location is element [100] of array int[] of length 20000.
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 700
