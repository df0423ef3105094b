// A worker adds to a List while main reads its Count.
// The calls are not ordered by happens-before (the test barrier is invisible to the sanitizer).
using System;
using System.Collections.Generic;
using System.Threading;
using SharpSan.Annotations;

static class Program
{
    static void Main()
    {
        var c = new List<int>();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            c.Add(1);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var value = c.Count;
        worker.Join();
        Console.WriteLine("done " + value);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 8 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x0000 in Call to List<int>.get_Count (read)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ListAddCountRace.cs:[[@LINE-9]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x0000 in Call to List<int>.Add (write)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.<>c__DisplayClass0_0.<Main>b__0() {{.*}}ListAddCountRace.cs:[[@LINE-17]]
// CHECK: Location is List<int> object.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}ListAddCountRace.cs:[[@LINE-14]] in Program.Main()
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
