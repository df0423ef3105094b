// Striped SpinLocks in an array: each stripe's lock guards that stripe's counter, whatever thread takes it. The
// stripes are different locks, the data is never shared across stripes: no report.
using System;
using System.Threading;
using SharpSan.Annotations;

class StripedCounter
{
    readonly SpinLock[] _locks = new SpinLock[4];
    readonly int[] _counts = new int[4];

    public StripedCounter()
    {
        for (int i = 0; i < _locks.Length; i++) _locks[i] = new SpinLock(enableThreadOwnerTracking: false);
    }

    public void Add(int key)
    {
        int stripe = key % _locks.Length;
        bool taken = false;
        try
        {
            _locks[stripe].Enter(ref taken);
            _counts[stripe]++;
        }
        finally
        {
            if (taken) _locks[stripe].Exit(useMemoryBarrier: false);
        }
    }

    public int Total()
    {
        int total = 0;
        for (int i = 0; i < _locks.Length; i++)
        {
            bool taken = false;
            _locks[i].TryEnter(TimeSpan.FromSeconds(5), ref taken);
            total += _counts[i];
            if (taken) _locks[i].Exit();
        }
        return total;
    }
}

static class Program
{
    static void Main()
    {
        var counter = new StripedCounter();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            barrier.Wait();
            for (int i = 0; i < 100; i++) counter.Add(i);
        });
        worker.Start();
        barrier.Wait();
        for (int i = 0; i < 100; i++) counter.Add(i * 7);
        worker.Join();
        Console.WriteLine("total " + counter.Total());
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: total 200
// CHECK-NOT: ThreadSanitizer
