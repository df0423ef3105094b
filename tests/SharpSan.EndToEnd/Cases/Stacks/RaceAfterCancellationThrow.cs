// ThreadSanitizer: a worker cancels a token whose first callback throws through three checked frames (Cancel, BCL
// code, catches it) and whose next callback writes a field main wrote without synchronisation. The race report's
// stack for the write is the callback under the worker, nothing the exception left.
using System;
using System.Threading;
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

    static void WritingCallback()
    {
        s_box.value = 2;
    }

    static void Worker()
    {
        using var cts = new CancellationTokenSource();
        cts.Token.Register(WritingCallback);
        cts.Token.Register(StaleOne);   // callbacks run last registered first
        s_barrier.Wait();
        try { cts.Cancel(); } catch (AggregateException) { }
    }

    static void Main()
    {
        var worker = new Thread(Worker);
        worker.Start();
        s_box.value = 1;
        s_barrier.Wait();
        worker.Join();
        Console.WriteLine("done " + s_box.value);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.WritingCallback() {{.*}}RaceAfterCancellationThrow.cs:[[@LINE-25]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Demo.Program.Worker() {{.*}}RaceAfterCancellationThrow.cs:[[@LINE-17]]
// CHECK-NOT: Stale
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}RaceAfterCancellationThrow.cs:[[@LINE-13]]
// CHECK-NOT: Stale
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}RaceAfterCancellationThrow.cs:[[@LINE-31]] in Demo.Program.WritingCallback()
// CHECK: done 2
