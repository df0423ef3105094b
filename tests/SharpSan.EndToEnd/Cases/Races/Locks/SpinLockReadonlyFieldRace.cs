// The well-known .NET pitfall: a readonly SpinLock field. Every call works on a fresh copy of the struct, so
// Enter always succeeds and the "critical sections" exclude nothing: the increments race.
using System;
using System.Threading;
using SharpSan.Annotations;

class Counter
{
    readonly SpinLock _lock = new(enableThreadOwnerTracking: false);
    int _count;

    public int Count => _count;

    public void Increment()
    {
        bool taken = false;
        _lock.Enter(ref taken);
        _count++;
        if (taken) _lock.Exit();
    }
}

static class Program
{
    static void Main()
    {
        var counter = new Counter();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            counter.Increment();
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        counter.Increment();
        worker.Join();
        Console.WriteLine("count " + counter.Count);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK-NEXT: {{Read|Write}} of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Counter.Increment() {{.*}}SpinLockReadonlyFieldRace.cs:[[@LINE-26]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Counter.Increment() {{.*}}SpinLockReadonlyFieldRace.cs:[[@LINE-28]]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}SpinLockReadonlyFieldRace.cs:[[@LINE-29]] in Counter.Increment()
// CHECK: count 2
