// `ref obj.field` written by a helper on a thread, then by main after Join.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Stats { public int hits; }

static class Program
{
    static void Bump(ref int location) => location++;

    static void Main()
    {
        var stats = new Stats();
        var worker = new Thread(() => Bump(ref stats.hits));
        worker.Start();
        worker.Join();
        Bump(ref stats.hits);
        Console.WriteLine(stats.hits);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 2
// CHECK-NOT: ThreadSanitizer
