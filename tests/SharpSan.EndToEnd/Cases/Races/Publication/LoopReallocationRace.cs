// One `new` in a loop makes a new object each iteration: the object of the previous iteration, already published, is
// not the fresh one any more. Its write in the next iteration races with the reader; the fresh ones' do not.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

sealed class Node
{
    public int Value;
    public int Order;
}

static class Program
{
    [BenignRace("publication slot: the reference store publishes the object")]
    static Node s_first;

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Node previous = null;
            for (int i = 0; i < 3; i++)
            {
                var node = new Node();
                node.Value = i;
                if (previous != null)
                    previous.Order = i;
                if (i == 0) s_first = node;
                previous = node;
            }
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var first = s_first;
        Console.WriteLine($"value {first.Value}");
        Console.WriteLine($"order {first.Order}");
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: value 0
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}LoopReallocationRace.cs:[[@LINE-10]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}LoopReallocationRace.cs:[[@LINE-22]]
// CHECK: Location is field Demo.Node.Order of object of type Demo.Node.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
