// A helper called once per element writes a[i] at one site, each call a new activation of the helper: the calls come
// from two lines of the worker, [0, 6) from the first and [6, 12) from the second. Runs never cross activations, so
// element 9's entry keeps its own stack: the report must name the second call's line as the helper's caller.
using System;
using System.Runtime.CompilerServices;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Put(int[] a, int i, int v) => a[i] = v;

    static void Main()
    {
        var a = new int[12];
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            for (int i = 0; i < 6; i++)
                Put(a, i, i);
            for (int i = 6; i < 12; i++)
                Put(a, i, i * 2);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        int seen = a[9];
        worker.Join();
        Console.WriteLine($"done {seen}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}RunEndsAtNewActivationRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Put(int[], int, int) {{.*}}RunEndsAtNewActivationRace.cs:[[@LINE-26]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Demo.Program.<>c__DisplayClass1_0.<Main>b__0() {{.*}}RunEndsAtNewActivationRace.cs:[[@LINE-16]]
// CHECK: Location is element [9] of array int[] of length 12.
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 18
