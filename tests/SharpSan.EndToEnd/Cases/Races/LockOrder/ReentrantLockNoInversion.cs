// Re-entering a held lock is not an order: A, B, then A again (reentrant) must not make the cycle A => B => A.
using System;
using System.Threading;

static class Program
{
    static readonly object A = new(), B = new();

    static void Main()
    {
        var worker = new Thread(() =>
        {
            lock (A)
            {
                lock (B)
                {
                    lock (A) Console.WriteLine("reentered");
                }
            }
        });
        worker.Start();
        worker.Join();
        lock (A)
        {
            lock (B) { }
        }
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: reentered
// CHECK: done
// CHECK-NOT: ThreadSanitizer
