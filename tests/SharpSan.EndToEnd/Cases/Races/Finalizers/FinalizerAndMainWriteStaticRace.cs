// A finalizer and the main thread both write a static field, the main thread after the finalizer has started (forced
// by the barrier, which orders nothing): the finalizer's start orders only what came before it, so the two writes
// race and the race is reported.
using System;
using System.Runtime.CompilerServices;
using SharpSan.Annotations;

namespace Demo;

sealed class Noisy
{
    public static int s_state;
    public static readonly RaceTestBarrier s_barrier = new RaceTestBarrier(2);

    ~Noisy()
    {
        s_state = 1;
        s_barrier.Wait();
    }
}

static class Program
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Drop() => new Noisy();

    static void Main()
    {
        Drop();
        GC.Collect();
        Noisy.s_barrier.Wait();
        Noisy.s_state = 2;
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}FinalizerAndMainWriteStaticRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Noisy.Finalize() {{.*}}FinalizerAndMainWriteStaticRace.cs:[[@LINE-25]]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}FinalizerAndMainWriteStaticRace.cs:[[@LINE-11]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
