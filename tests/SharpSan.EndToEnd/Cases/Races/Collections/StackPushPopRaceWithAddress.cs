// With address and thread together: the collection pass runs in the combined pipeline too.
// The calls are not ordered by happens-before (the test barrier is invisible to the sanitizer).
using System;
using System.Collections.Generic;
using System.Threading;
using SharpSan.Annotations;

static class Program
{
    static void Main()
    {
        var c = new Stack<int>();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            c.Push(1);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var value = c.Pop();
        worker.Join();
        Console.WriteLine("done " + value);
    }
}
// SANITIZE: address,thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 8 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x0000 in Call to Stack<int>.Pop (write)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StackPushPopRaceWithAddress.cs:[[@LINE-9]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x0000 in Call to Stack<int>.Push (write)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.<>c__DisplayClass0_0.<Main>b__0() {{.*}}StackPushPopRaceWithAddress.cs:[[@LINE-17]]
// CHECK: Location is Stack<int> object.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}StackPushPopRaceWithAddress.cs:[[@LINE-14]] in Program.Main()
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
