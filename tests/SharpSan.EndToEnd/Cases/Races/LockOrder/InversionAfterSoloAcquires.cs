// Both locks are first taken many times on their own (a lock taken while no other is held gets its lock-graph id
// only later, when a second lock is taken inside it). Then main takes A then B, and a worker started after main is
// done takes B then A: the cycle A => B => A must still be found with the ids assigned late.
using System;
using System.Threading;

static class Program
{
    static readonly object A = new(), B = new();
    static int n;

    static void Main()
    {
        for (int i = 0; i < 100; i++)
        {
            lock (A) n++;
            lock (B) n++;
        }
        lock (A)
        {
            lock (B) n++;
        }
        var worker = new Thread(() =>
        {
            lock (B)
            {
                lock (A) n++;
            }
        });
        worker.Start();
        worker.Join();
        Console.WriteLine($"done {n}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: lock-order-inversion (potential deadlock) (pid={{[0-9]+}})
// CHECK-NEXT: Cycle in lock order graph: M0 (0x{{[0-9a-f]+}}) => M1 (0x{{[0-9a-f]+}}) => M0
// CHECK: Mutex M1 acquired here while holding mutex M0 in main thread:
// CHECK: in Program.Main() {{.*}}InversionAfterSoloAcquires.cs:[[@LINE-18]]
// CHECK: Mutex M0 previously acquired by the same thread here:
// CHECK: in Program.Main() {{.*}}InversionAfterSoloAcquires.cs:[[@LINE-22]]
// CHECK: Mutex M0 acquired here while holding mutex M1 in thread T1:
// CHECK: InversionAfterSoloAcquires.cs:[[@LINE-16]]
// CHECK: Mutex M1 previously acquired by the same thread here:
// CHECK: InversionAfterSoloAcquires.cs:[[@LINE-20]]
// CHECK: SUMMARY: ThreadSanitizer: lock-order-inversion (potential deadlock) {{.*}}InversionAfterSoloAcquires.cs:[[@LINE-25]] in Program.Main()
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 202
