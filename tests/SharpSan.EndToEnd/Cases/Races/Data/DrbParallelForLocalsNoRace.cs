// Parallel.For whose iterations only touch their own locals and objects, summed with Interlocked.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Acc { public int sum; }

static class Program
{
    static int s_grand;

    static void Main()
    {
        Parallel.For(0, 8, i =>
        {
            var acc = new Acc();
            for (int k = 0; k <= i; k++) acc.sum += k;
            Interlocked.Add(ref s_grand, acc.sum);
        });
        Console.WriteLine(Volatile.Read(ref s_grand));
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 84
// CHECK-NOT: ThreadSanitizer
