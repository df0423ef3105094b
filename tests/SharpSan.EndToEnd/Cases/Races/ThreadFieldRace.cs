// Two threads increment one field without a lock. The test barrier (invisible to the sanitizer) orders them in
// time only: the worker's increment comes first, main's second, and nothing orders them for happens-before.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Counter { public int count; }

static class Program
{
    static void Main()
    {
        var counter = new Counter();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            counter.count++;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        counter.count++;
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}ThreadFieldRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.<>c__DisplayClass0_0.<Main>b__0() {{.*}}ThreadFieldRace.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Counter.count of object of type Demo.Counter.
// CHECK: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Threading.Thread.Start()
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}ThreadFieldRace.cs:[[@LINE-16]]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}ThreadFieldRace.cs:[[@LINE-15]] in Demo.Program.Main()
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
