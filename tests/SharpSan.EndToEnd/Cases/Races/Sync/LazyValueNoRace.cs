// Lazy<T> (with a factory, without one, publication-only): the value built by whichever thread wins is fully
// visible to every thread using it. No report.
using System;
using System.Threading;
using SharpSan.Annotations;

class Config
{
    public int port;
    public Config() { port = 8080; }
}

static class Program
{
    static void Main()
    {
        var withFactory = new Lazy<Config>(() => new Config { port = 443 });
        var withoutFactory = new Lazy<Config>();
        var publication = new Lazy<Config>(() => new Config { port = 22 }, LazyThreadSafetyMode.PublicationOnly);
        var barrier = new RaceTestBarrier(3);
        var results = new int[3];
        var threads = new Thread[3];
        for (int t = 0; t < 3; t++)
        {
            int me = t;
            threads[t] = new Thread(() =>
            {
                if (me > 0) barrier.Wait();
                results[me] = withFactory.Value.port + withoutFactory.Value.port + publication.Value.port;
            });
            threads[t].Start();
        }
        barrier.Wait();
        foreach (var thread in threads) thread.Join();
        Console.WriteLine("results " + results[0] + " " + results[1] + " " + results[2]);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: results 8545 8545 8545
// CHECK-NOT: ThreadSanitizer
