// A hit counter shared by a background worker and the main thread. Record() takes the lock, but the report
// path reads the total without it: a data race ThreadSanitizer finds however the threads interleave.
using System;
using System.Threading;

namespace Demo;

sealed class HitCounter
{
    readonly object _gate = new();
    int _hits;

    public void Record()
    {
        lock (_gate) _hits++;
    }

    public int Snapshot() => _hits;   // forgot the lock
}

static class Program
{
    static void Main()
    {
        var counter = new HitCounter();
        var worker = new Thread(() =>
        {
            for (int i = 0; i < 1000; i++) counter.Record();
        });
        worker.Start();
        Console.WriteLine($"hits so far: {counter.Snapshot()}");
        worker.Join();
        Console.WriteLine($"hits: {counter.Snapshot()}");
    }
}
