// Thread-confined data under race_detector=hybrid: each thread updates only its own object (taking a shared logging
// lock as it goes), and data written before Thread.Start is read by the thread without a lock — the start orders it.
// After Join, main reads everything the workers wrote. Nothing is shared unordered, so nothing is reported.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Tally { public int count; }

static class Program
{
    static readonly object LogLock = new();
    static int s_logged;
    static int[] s_config = [];

    static void Main()
    {
        s_config = [3, 4];   // published before Thread.Start
        var tallies = new[] { new Tally(), new Tally() };
        var barrier = new RaceTestBarrier(2);
        var threads = new Thread[2];
        for (int i = 0; i < 2; i++)
        {
            var mine = tallies[i];
            int index = i;
            threads[i] = new Thread(() =>
            {
                barrier.Wait();
                for (int n = 0; n < s_config[index]; n++)
                {
                    mine.count++;
                    lock (LogLock) s_logged++;
                }
            });
            threads[i].Start();
        }
        foreach (var t in threads) t.Join();
        Console.WriteLine($"{tallies[0].count} {tallies[1].count} {s_logged}");
    }
}
// SANITIZE: thread
// ENV: SHARPSAN_OPTIONS=race_detector=hybrid
// CHECK-NOT: ThreadSanitizer
// CHECK: 3 4 7
// CHECK-NOT: ThreadSanitizer
