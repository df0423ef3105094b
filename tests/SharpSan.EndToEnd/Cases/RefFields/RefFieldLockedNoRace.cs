// RefFieldStaticRace with a lock around each use of the ref struct: the accesses through the `ref` field are ordered,
// and slots of an array reached through ref fields by different threads never overlap. No report.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

ref struct Counter
{
    readonly ref int _target;
    public Counter(ref int target) => _target = ref target;
    public void Add(int n) => _target += n;
}

static class Program
{
    static readonly object s_gate = new();
    static int s_total;
    static readonly int[] s_slots = new int[2];

    static void Work(int slot, RaceTestBarrier barrier)
    {
        for (int i = 0; i < 100; i++)
        {
            lock (s_gate) new Counter(ref s_total).Add(1);
            new Counter(ref s_slots[slot]).Add(2);
        }
        barrier.Wait();
    }

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() => Work(1, barrier));
        worker.Start();
        Work(0, barrier);
        worker.Join();
        Console.WriteLine($"done {s_total} {s_slots[0]} {s_slots[1]}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK-NOT: InvalidProgramException
// CHECK: done 200 200 200
// CHECK-NOT: ThreadSanitizer
