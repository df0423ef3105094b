// Each thread writes its own half of a int array; main reads everything after Join.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static void Fill(int[] a, int from, int to)
    {
        for (int i = from; i < to; i++) a[i] = i;
    }

    static void Main()
    {
        var a = new int[16];
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() => { Fill(a, 0, 8); barrier.Wait(); });
        worker.Start();
        barrier.Wait();
        Fill(a, 8, 16);
        worker.Join();
        int sum = 0;
        foreach (var v in a) sum += v;
        Console.WriteLine(sum);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 120
// CHECK-NOT: ThreadSanitizer
