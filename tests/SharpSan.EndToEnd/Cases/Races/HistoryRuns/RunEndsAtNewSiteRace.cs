// Two loops of one activation write consecutive slices, [0, 8) and then [8, 16), at two different lines: element 8
// follows the first loop's run, but its site differs, so it starts a new history entry. Main races with element 12:
// the previous write is the second loop's line (a run extended across sites would name the first loop's).
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static void Main()
    {
        var a = new int[16];
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            for (int i = 0; i < 8; i++)
                a[i] = i;
            for (int i = 8; i < 16; i++)
                a[i] = i * 10;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        int seen = a[12];
        worker.Join();
        Console.WriteLine($"done {seen}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}RunEndsAtNewSiteRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.<>c__DisplayClass0_0.<Main>b__0() {{.*}}RunEndsAtNewSiteRace.cs:[[@LINE-15]]
// CHECK: Location is element [12] of array int[] of length 16.
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 120
