// A constructor creates a List and a Dictionary, fills them, and the object is published with a plain store; another
// thread reads the collections through the published reference. The Adds happened before the object could be seen by
// any other thread (the collections are reachable only through it), so the reads race with nothing.
using System;
using System.Collections.Generic;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

sealed class Catalog
{
    readonly List<string> _names;
    Dictionary<string, int> _index;

    public Catalog(params string[] names)
    {
        _names = new List<string>();
        _index = new Dictionary<string, int>();
        foreach (var name in names)
        {
            _index[name] = _names.Count;
            _names.Add(name);
        }
    }

    public int Count => _names.Count;
    public string Name(int i) => _names[i];
    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;
}

static class Program
{
    [BenignRace("publication slot: the reference store publishes the object")]
    static Catalog s_catalog;

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            s_catalog = new Catalog("red", "green", "blue");
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var c = s_catalog;
        Console.WriteLine($"{c.Count} {c.Name(1)} {c.IndexOf("blue")}");
        worker.Join();
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 3 green 2
// CHECK-NOT: ThreadSanitizer
