// Each thread takes A and B one at a time, in opposite orders, never holding both: no edges, no report.
using System;
using System.Threading;

static class Program
{
    static readonly object A = new(), B = new();
    static int a, b;

    static void Main()
    {
        var worker = new Thread(() =>
        {
            lock (B) b++;
            lock (A) a++;
        });
        worker.Start();
        lock (A) a++;
        lock (B) b++;
        worker.Join();
        Console.WriteLine(a + b);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 4
// CHECK-NOT: ThreadSanitizer
