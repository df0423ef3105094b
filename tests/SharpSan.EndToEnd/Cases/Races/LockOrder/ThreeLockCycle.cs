// Three threads, one after the other: A then B, B then C, C then A. No two of them invert a pair, but together the
// order graph has the cycle A => B => C => A.
using System;
using System.Threading;

static class Program
{
    static readonly object A = new(), B = new(), C = new();

    static void Nested(object outer, object inner)
    {
        lock (outer)
        {
            lock (inner) { }
        }
    }

    static void Run(ThreadStart work)
    {
        var t = new Thread(work);
        t.Start();
        t.Join();
    }

    static void Main()
    {
        Run(() => Nested(A, B));
        Run(() => Nested(B, C));
        Run(() => Nested(C, A));
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: lock-order-inversion (potential deadlock) (pid={{[0-9]+}})
// CHECK-NEXT: Cycle in lock order graph: M0 ({{.*}}) => M1 ({{.*}}) => M2 ({{.*}}) => M0
// CHECK: Mutex M1 acquired here while holding mutex M0 in thread T1:
// CHECK-NEXT: in Program.Nested(object, object) {{.*}}ThreeLockCycle.cs:[[@LINE-23]]
// CHECK: Mutex M2 acquired here while holding mutex M1 in thread T2:
// CHECK: Mutex M0 acquired here while holding mutex M2 in thread T3:
// CHECK: SUMMARY: ThreadSanitizer: lock-order-inversion (potential deadlock) {{.*}}ThreeLockCycle.cs:[[@LINE-26]] in Program.Nested(object, object)
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
