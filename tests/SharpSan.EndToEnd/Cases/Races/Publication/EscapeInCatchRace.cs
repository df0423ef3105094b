// A fresh object published in a catch handler: after the try statement it may have been seen, so the write there
// races with the reader.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

sealed class Attempt
{
    public int Number;
    public int Outcome;
}

static class Program
{
    [BenignRace("publication slot: the reference store publishes the object")]
    static Attempt s_failed;

    static void Try(int n)
    {
        var attempt = new Attempt();
        attempt.Number = n;
        try
        {
            if (n > 1) throw new InvalidOperationException("busy");
        }
        catch (InvalidOperationException)
        {
            s_failed = attempt;
        }
        attempt.Outcome = n * 10;
    }

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Try(3);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var seen = s_failed;
        Console.WriteLine($"number {seen.Number}");
        Console.WriteLine($"outcome {seen.Outcome}");
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: number 3
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}EscapeInCatchRace.cs:[[@LINE-10]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Try(int) {{.*}}EscapeInCatchRace.cs:[[@LINE-27]]
// CHECK: Location is field Demo.Attempt.Outcome of object of type Demo.Attempt.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
