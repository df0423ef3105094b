// A struct held in a static field: two threads call a method that only reads it (through a nested call), while the
// one write happens before the threads start. No report.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

struct Limits
{
    int _max;
    int _min;
    public void Set(int min, int max) { _min = min; _max = max; }
    public int Clamp(int v) => Math.Min(Max(), Math.Max(_min, v));
    int Max() => _max;
}

static class Program
{
    static Limits s_limits;

    static void Main()
    {
        s_limits.Set(1, 5);
        var barrier = new RaceTestBarrier(2);
        int a = 0, b = 0;
        var worker = new Thread(() =>
        {
            for (int i = 0; i < 8; i++) a += s_limits.Clamp(i);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        for (int i = 0; i < 8; i++) b += s_limits.Clamp(i);
        worker.Join();
        Console.WriteLine($"clamped {a} {b}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: clamped 26 26
// CHECK-NOT: ThreadSanitizer
