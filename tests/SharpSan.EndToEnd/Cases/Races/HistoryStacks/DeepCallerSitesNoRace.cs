// The clean twin of DeepCallerSitesRace: the same deep chain of calls from two sites, each write recorded with its
// stack through the history's ancestor-path cache, but main joins the worker before it writes box.V: no race.
using System;
using System.Runtime.CompilerServices;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Box { public int V; }

static class Program
{
    static int s_ticks;

    [MethodImpl(MethodImplOptions.NoInlining)] static void C1(Box b, int x) => C2(b, x + 1);
    [MethodImpl(MethodImplOptions.NoInlining)] static void C2(Box b, int x) => C3(b, x + 1);
    [MethodImpl(MethodImplOptions.NoInlining)] static void C3(Box b, int x) => C4(b, x + 1);
    [MethodImpl(MethodImplOptions.NoInlining)] static void C4(Box b, int x) => C5(b, x + 1);
    [MethodImpl(MethodImplOptions.NoInlining)] static void C5(Box b, int x) => C6(b, x + 1);
    [MethodImpl(MethodImplOptions.NoInlining)] static void C6(Box b, int x) => C7(b, x + 1);
    [MethodImpl(MethodImplOptions.NoInlining)] static void C7(Box b, int x) => C8(b, x + 1);
    [MethodImpl(MethodImplOptions.NoInlining)] static void C8(Box b, int x) => C9(b, x + 1);
    [MethodImpl(MethodImplOptions.NoInlining)] static void C9(Box b, int x) => C10(b, x + 1);
    [MethodImpl(MethodImplOptions.NoInlining)] static void C10(Box b, int x) => C11(b, x + 1);
    [MethodImpl(MethodImplOptions.NoInlining)] static void C11(Box b, int x) => Store(b, x + 1);
    [MethodImpl(MethodImplOptions.NoInlining)] static void Store(Box b, int x) { b.V = x; }

    static void Main()
    {
        var box = new Box();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                Interlocked.Increment(ref s_ticks);
                if (i % 2 == 0) C1(box, i);
                else C1(box, -i);
            }
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        worker.Join();
        box.V = 7;
        Console.WriteLine($"done {box.V} {s_ticks}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: done 7 1000
// CHECK-NOT: ThreadSanitizer
