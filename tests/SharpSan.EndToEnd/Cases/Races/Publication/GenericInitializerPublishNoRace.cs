// Object initializers on generic classes (auto-properties and fields of a generic instance), a nested generic, and an
// init-only property: all set before the one store that publishes the outer object.
using System;
using System.Collections.Generic;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

sealed class Pair<TFirst, TSecond>
{
    public TFirst First { get; set; }
    public TSecond Second { get; init; }
    public int Version;
}

sealed class Envelope<T>
{
    public Pair<T, string> Body { get; set; }
    public List<T> History { get; set; }
}

static class Program
{
    [BenignRace("publication slot: the reference store publishes the object")]
    static Envelope<int> s_envelope;

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            s_envelope = new Envelope<int>
            {
                Body = new Pair<int, string> { First = 7, Second = "seven", Version = 2 },
                History = new List<int> { 1, 2, 3 },
            };
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var e = s_envelope;
        Console.WriteLine($"{e.Body.First} {e.Body.Second} {e.Body.Version} {e.History.Count} {e.History[2]}");
        worker.Join();
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 7 seven 2 3 3
// CHECK-NOT: ThreadSanitizer
