// Object and collection initializers (`new T { X = …, Inner = new U { … } }`, `new[] { … }`): the compiler fills the
// fresh objects through `dup` before the one store that publishes the outer object. Nothing races.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Endpoint
{
    public string Host { get; set; }
    public int Port { get; set; }
}

class Config
{
    public string Name;
    public Endpoint Primary;
    public int[] Retries;
}

static class Program
{
    [BenignRace("publication slot: the reference store publishes the object")]
    static Config s_config;

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            s_config = new Config
            {
                Name = "main",
                Primary = new Endpoint { Host = "db", Port = 5432 },
                Retries = new[] { 1, 2, 4 },
            };
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var c = s_config;
        Console.WriteLine($"{c.Name} {c.Primary.Host}:{c.Primary.Port} {c.Retries[2]}");
        worker.Join();
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: main db:5432 4
// CHECK-NOT: ThreadSanitizer
