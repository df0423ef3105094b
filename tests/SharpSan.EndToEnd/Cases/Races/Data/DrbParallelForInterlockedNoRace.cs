// A Parallel.For accumulator done with Interlocked, read back atomically.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static long s_total;

    static void Main()
    {
        Parallel.For(0, 100, i => Interlocked.Add(ref s_total, i));
        Console.WriteLine(Interlocked.Read(ref s_total));
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 4950
// CHECK-NOT: ThreadSanitizer
