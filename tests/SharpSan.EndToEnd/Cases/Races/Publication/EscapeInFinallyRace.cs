// A fresh object published in a finally block: the code after the try statement runs after the finally, so its write
// races with the reader. The write inside the try block comes before the publication and does not.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

sealed class Result
{
    public int Code;
    public int Retries;
}

static class Program
{
    [BenignRace("publication slot: the reference store publishes the object")]
    static Result s_result;

    static void Run(int attempts)
    {
        var result = new Result();
        try
        {
            result.Code = attempts > 0 ? 200 : 500;
            if (attempts > 5) return;
        }
        finally
        {
            s_result = result;
        }
        result.Retries = attempts;
    }

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Run(2);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var seen = s_result;
        Console.WriteLine($"code {seen.Code}");
        Console.WriteLine($"retries {seen.Retries}");
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: code 200
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}EscapeInFinallyRace.cs:[[@LINE-10]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Run(int) {{.*}}EscapeInFinallyRace.cs:[[@LINE-27]]
// CHECK: Location is field Demo.Result.Retries of object of type Demo.Result.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
