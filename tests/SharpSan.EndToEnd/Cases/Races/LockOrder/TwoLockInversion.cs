// Main takes A then B; a worker, started after main is done, takes B then A. The threads never overlap, so the run
// does not deadlock, but the lock order graph has the cycle A => B => A.
using System;
using System.Threading;

static class Program
{
    static readonly object A = new(), B = new();

    static void Main()
    {
        lock (A)
        {
            lock (B) Console.WriteLine("main");
        }
        var worker = new Thread(() =>
        {
            lock (B)
            {
                lock (A) Console.WriteLine("worker");
            }
        });
        worker.Start();
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: lock-order-inversion (potential deadlock) (pid={{[0-9]+}})
// CHECK-NEXT: Cycle in lock order graph: M0 (0x{{[0-9a-f]+}}) => M1 (0x{{[0-9a-f]+}}) => M0
// CHECK: Mutex M1 acquired here while holding mutex M0 in main thread:
// CHECK: in Program.Main() {{.*}}TwoLockInversion.cs:[[@LINE-18]]
// CHECK: Mutex M0 previously acquired by the same thread here:
// CHECK: in Program.Main() {{.*}}TwoLockInversion.cs:[[@LINE-22]]
// CHECK: Mutex M0 acquired here while holding mutex M1 in thread T1:
// CHECK: TwoLockInversion.cs:[[@LINE-16]]
// CHECK: Mutex M1 previously acquired by the same thread here:
// CHECK: TwoLockInversion.cs:[[@LINE-20]]
// CHECK: Thread T1 ({{.*}}) created by main thread at:
// CHECK: SUMMARY: ThreadSanitizer: lock-order-inversion (potential deadlock) {{.*}}TwoLockInversion.cs:[[@LINE-26]] in Program.Main()
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
