// Under address and thread checks together (the address passes rewrite the IL first): a constructor, an object
// initializer with auto-properties, a filled fresh array and a filled fresh list are still initializing.
using System;
using System.Collections.Generic;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

sealed class Profile
{
    public string Name { get; set; }
    public int Level { get; set; }
    public long[] Scores;
    public List<string> Tags;

    public Profile(int n)
    {
        Scores = new long[n];
        for (int i = 0; i < n; i++) Scores[i] = i * 100L;
        Tags = new List<string>();
        Tags.Add("new");
    }
}

static class Program
{
    [BenignRace("publication slot: the reference store publishes the object")]
    static Profile s_profile;

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            s_profile = new Profile(3) { Name = "ada", Level = 7 };
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var p = s_profile;
        Console.WriteLine($"{p.Name} {p.Level} {p.Scores[2]} {p.Tags[0]} {p.Tags.Count}");
        worker.Join();
    }
}
// SANITIZE: address,thread
// CHECK-NOT: ThreadSanitizer
// CHECK-NOT: ERROR:
// CHECK: ada 7 200 new 1
// CHECK-NOT: ThreadSanitizer
// CHECK-NOT: ERROR:
