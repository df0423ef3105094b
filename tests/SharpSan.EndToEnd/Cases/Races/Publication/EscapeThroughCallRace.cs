// A fresh object handed to a method (which publishes it) is no longer fresh after the call: the write that follows
// races with the reader. The write before the call does not.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

sealed class Job
{
    public int Id;
    public int Priority;
}

static class Program
{
    [BenignRace("publication slot: the reference store publishes the object")]
    static Job s_job;

    static void Submit(Job job) => s_job = job;

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            var job = new Job();
            job.Id = 4;
            Submit(job);
            job.Priority = 9;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var seen = s_job;
        Console.WriteLine($"id {seen.Id}");
        Console.WriteLine($"priority {seen.Priority}");
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: id 4
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}EscapeThroughCallRace.cs:[[@LINE-10]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}EscapeThroughCallRace.cs:[[@LINE-19]]
// CHECK: Location is field Demo.Job.Priority of object of type Demo.Job.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
