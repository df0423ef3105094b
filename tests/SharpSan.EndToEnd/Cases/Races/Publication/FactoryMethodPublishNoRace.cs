// A factory method fills a fresh object through a local and returns it; the caller publishes it through a slot whose
// race is declared benign. The factory's writes happen before the object can be seen by another thread, so the
// reader's loads through the published reference race with nothing.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Settings
{
    public int Port;
    public string Host;
    public long[] Limits;
}

static class Program
{
    [BenignRace("publication slot: the reference store publishes the object")]
    static Settings s_current;

    static Settings Make(int port)
    {
        var s = new Settings();
        s.Port = port;
        s.Host = port > 1000 ? "high" : "low";
        var limits = new long[2];
        limits[0] = port;
        limits[1] = port * 2L;
        s.Limits = limits;
        return s;
    }

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            s_current = Make(8080);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var seen = s_current;
        Console.WriteLine($"{seen.Host}:{seen.Port} {seen.Limits[0]} {seen.Limits[1]}");
        worker.Join();
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: high:8080 8080 16160
// CHECK-NOT: ThreadSanitizer
