// A fresh object published on one branch only: where the branches meet it may have been seen, so the write after
// them races with the reader (when the publishing branch ran).
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

sealed class Order
{
    public int Id;
    public int Status;
}

static class Program
{
    [BenignRace("publication slot: the reference store publishes the object")]
    static Order s_urgent;

    static void Place(int id, bool urgent)
    {
        var order = new Order();
        order.Id = id;
        if (urgent)
            s_urgent = order;
        else
            order.Id = -id;
        order.Status = 1;
    }

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Place(8, urgent: true);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var seen = s_urgent;
        Console.WriteLine($"id {seen.Id}");
        Console.WriteLine($"status {seen.Status}");
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: id 8
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}EscapeOnOneBranchRace.cs:[[@LINE-10]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Place(int, bool) {{.*}}EscapeOnOneBranchRace.cs:[[@LINE-27]]
// CHECK: Location is field Demo.Order.Status of object of type Demo.Order.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
