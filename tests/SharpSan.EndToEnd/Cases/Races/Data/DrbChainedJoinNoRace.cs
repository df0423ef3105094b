// T1 writes, T2 joins T1 and writes, main joins T2 and reads: ordered transitively.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static int s_value;

    static void Main()
    {
        var t1 = new Thread(() => s_value = 1);
        var t2 = new Thread(() => { t1.Join(); s_value += 41; });
        t1.Start();
        t2.Start();
        t2.Join();
        Console.WriteLine(s_value);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 42
// CHECK-NOT: ThreadSanitizer
