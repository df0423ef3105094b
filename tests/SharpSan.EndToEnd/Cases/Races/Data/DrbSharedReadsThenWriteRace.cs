// Two threads read concurrently (the read state becomes a vector clock), then main writes without joining.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Box { public int value; }

static class Program
{
    static void Main()
    {
        var box = new Box();
        var barrier = new RaceTestBarrier(3);
        var readers = new Thread[2];
        for (int t = 0; t < 2; t++)
        {
            readers[t] = new Thread(() =>
            {
                int v = box.value;
                barrier.Wait();
            });
            readers[t].Start();
        }
        barrier.Wait();
        box.value = 9;
        foreach (var r in readers) r.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbSharedReadsThenWriteRace.cs:[[@LINE-8]]
// CHECK: Previous read of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbSharedReadsThenWriteRace.cs:[[@LINE-16]]
// CHECK: Location is field Demo.Box.value of object of type Demo.Box.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbSharedReadsThenWriteRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
