// Two threads both take A then B: a consistent order, no cycle.
using System;
using System.Threading;

static class Program
{
    static readonly object A = new(), B = new();
    static int n;

    static void Both()
    {
        lock (A)
        {
            lock (B) n++;
        }
    }

    static void Main()
    {
        var worker = new Thread(Both);
        worker.Start();
        Both();
        worker.Join();
        Console.WriteLine(n);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 2
// CHECK-NOT: ThreadSanitizer
