// Disjoint struct elements (written member by member through ldelema), one half per thread. Release build.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

struct Point { public int X; public int Y; }

static class Program
{
    static void Main()
    {
        var a = new Point[8];
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() => { for (int i = 0; i < 4; i++) { a[i].X = i; a[i].Y = 1; } barrier.Wait(); });
        worker.Start();
        barrier.Wait();
        for (int i = 4; i < 8; i++) { a[i].X = i; a[i].Y = 1; }
        worker.Join();
        int sum = 0;
        foreach (var p in a) sum += p.X + p.Y;
        Console.WriteLine(sum);
    }
}
// SANITIZE: thread
// OPTIMIZE: true
// CHECK-NOT: ThreadSanitizer
// CHECK: 36
// CHECK-NOT: ThreadSanitizer
