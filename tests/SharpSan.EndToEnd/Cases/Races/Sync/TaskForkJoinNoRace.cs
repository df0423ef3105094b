// Task.Run + Wait/Result, Task.WhenAll(a, b) (C# 13 binds it to the params ReadOnlySpan overload) and
// Thread.Start/Join: the fork/join edges, exercised together. No report.
using System;
using System.Threading;
using System.Threading.Tasks;

class Box { public int value; }

static class Program
{
    static void Main()
    {
        var a = new Box();
        Task.Run(() => { a.value = 1; }).Wait();
        int total = a.value;                                   // 1

        var b = new Box();
        total += Task.Run(() => { b.value = 2; return b.value; }).Result + b.value;  // 5

        var c = new Box(); var d = new Box();
        Task.WhenAll(Task.Run(() => { c.value = 3; }), Task.Run(() => { d.value = 4; })).Wait();
        total += c.value + d.value;                            // 12

        var e = new Box();
        Task.WaitAll(Task.Run(() => { e.value = 8; }));
        total += e.value;                                      // 20

        var f = new Box();
        var thread = new Thread(() => { f.value = 5; });
        thread.Start();
        thread.Join();
        total += f.value;                                      // 25

        Console.WriteLine("total " + total);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: total 25
// CHECK-NOT: ThreadSanitizer
