// A SpinLock inside a struct held in a class field (holder.guard.Lock), a static SpinLock, and a SpinLock reached
// through a ref parameter of a helper: each used correctly around the data it guards. No report.
using System;
using System.Threading;
using SharpSan.Annotations;

struct Guarded
{
    public SpinLock Lock;
    public int Value;
}

class Holder
{
    public Guarded guard = new() { Lock = new SpinLock(enableThreadOwnerTracking: false) };
}

static class Program
{
    static SpinLock s_lock = new(enableThreadOwnerTracking: false);
    static int s_value;
    static int s_viaRef;

    static void WithLock(ref SpinLock spin, Action action)
    {
        bool taken = false;
        try
        {
            spin.Enter(ref taken);
            action();
        }
        finally
        {
            if (taken) spin.Exit();
        }
    }

    static void Work(Holder holder)
    {
        for (int i = 0; i < 50; i++)
        {
            bool taken = false;
            holder.guard.Lock.Enter(ref taken);
            holder.guard.Value++;
            if (taken) holder.guard.Lock.Exit();

            taken = false;
            s_lock.Enter(ref taken);
            s_value++;
            if (taken) s_lock.Exit();

            WithLock(ref holder.guard.Lock, () => s_viaRef++);
        }
    }

    static void Main()
    {
        var holder = new Holder();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            barrier.Wait();
            Work(holder);
        });
        worker.Start();
        barrier.Wait();
        Work(holder);
        worker.Join();
        Console.WriteLine("values " + holder.guard.Value + " " + s_value + " " + s_viaRef);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: values 100 100 100
// CHECK-NOT: ThreadSanitizer
