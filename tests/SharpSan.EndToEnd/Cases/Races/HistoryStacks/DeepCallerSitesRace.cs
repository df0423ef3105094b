// The worker's loop writes box.V through a chain of twelve calls (a new activation of every method each time, deeper
// than the eight levels the history's ancestor-path cache walked before), alternating between two call sites in the
// loop; an Interlocked call first starts a new epoch, so every write is recorded in the history with its stack. The
// cached stacks are keyed by the loop frame's call site: the previous write must name the last iteration's site
// (line B), not the other one that reached the same innermost frame through the same methods.
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
        box.V = 7;
        worker.Join();
        Console.WriteLine($"done {box.V} {s_ticks}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}DeepCallerSitesRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Store(Demo.Box, int) {{.*}}DeepCallerSitesRace.cs:[[@LINE-28]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Demo.Program.C11(Demo.Box, int)
// CHECK: #12 0x{{[0-9a-f]+}} in Demo.Program.<>c__DisplayClass{{[0-9_]+}}.<Main>b__0() {{.*}}DeepCallerSitesRace.cs:[[@LINE-18]]
// CHECK: Location is field Demo.Box.V of object of type Demo.Box.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DeepCallerSitesRace.cs:[[@LINE-14]] in Demo.Program.Main()
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 7 1000
