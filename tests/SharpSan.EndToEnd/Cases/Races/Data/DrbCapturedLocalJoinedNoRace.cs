// A captured local written by the thread and read by main after Join. Release build.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static void Main()
    {
        int result = 0;
        var worker = new Thread(() => result = 42);
        worker.Start();
        worker.Join();
        Console.WriteLine(result);
    }
}
// SANITIZE: thread
// OPTIMIZE: true
// CHECK-NOT: ThreadSanitizer
// CHECK: 42
// CHECK-NOT: ThreadSanitizer
