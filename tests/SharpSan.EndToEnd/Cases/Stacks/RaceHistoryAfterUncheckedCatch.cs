// ThreadSanitizer's history: a worker's write, made after Task.RunSynchronously (BCL code) swallowed an exception
// thrown through three checked frames, is the previous access of main's racing read. The stack recorded for it then
// is exact: the worker's frames only.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Box { public int value; }

static class Program
{
    static readonly Box s_box = new();
    static readonly RaceTestBarrier s_barrier = new(2);

    static void StaleOne() => StaleTwo();
    static void StaleTwo() => StaleThree();
    static void StaleThree() => throw new InvalidOperationException("boom");

    static void Store(int value)
    {
        s_box.value = value;
    }

    static void Worker()
    {
        new Task(StaleOne).RunSynchronously();
        Store(2);
        s_barrier.Wait();
    }

    static void Main()
    {
        var worker = new Thread(Worker);
        worker.Start();
        s_barrier.Wait();
        int seen = s_box.value;
        worker.Join();
        Console.WriteLine("done " + seen);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}RaceHistoryAfterUncheckedCatch.cs:[[@LINE-8]]
// CHECK-NOT: Stale
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Store(int) {{.*}}RaceHistoryAfterUncheckedCatch.cs:[[@LINE-26]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Demo.Program.Worker() {{.*}}RaceHistoryAfterUncheckedCatch.cs:[[@LINE-21]]
// CHECK-NOT: Stale
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}RaceHistoryAfterUncheckedCatch.cs:[[@LINE-14]] in Demo.Program.Main()
// CHECK: done 2
