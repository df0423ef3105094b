// The a[i+1] = a[i] + 1 chain, with the second half run after joining the first.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static void Main()
    {
        var a = new int[9];
        var worker = new Thread(() => { for (int i = 0; i < 4; i++) a[i + 1] = a[i] + 1; });
        worker.Start();
        worker.Join();
        var second = new Thread(() => { for (int i = 4; i < 8; i++) a[i + 1] = a[i] + 1; });
        second.Start();
        second.Join();
        Console.WriteLine(a[8]);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 8
// CHECK-NOT: ThreadSanitizer
