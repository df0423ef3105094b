// Boxes made and filled inside one method, almost all of them private to it; only one (a rarely taken branch)
// escapes, published through a volatile static. An escape analysis must not treat the boxes as thread-private: the
// worker writes the published box, and main's later update of it (ordered in time only) races.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Box { public int value; }

static class Program
{
    static Box? s_shared;

    static int Fill(int count, int publishAt, RaceTestBarrier barrier)
    {
        int total = 0;
        for (int i = 0; i < count; i++)
        {
            var box = new Box();
            box.value = i;
            if (i == publishAt)
            {
                Volatile.Write(ref s_shared, box);
                barrier.Wait();
                barrier.Wait();
            }
            box.value += 1;
            total += box.value;
        }
        return total;
    }

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            barrier.Wait();
            var box = Volatile.Read(ref s_shared)!;
            box.value = 1000;
            barrier.Wait();
        });
        worker.Start();
        int total = Fill(100, 97, barrier);
        worker.Join();
        Console.WriteLine($"done {total}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: {{Read|Write}} of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Fill(int, int, SharpSan.Annotations.RaceTestBarrier) {{.*}}EscapeOnRareBranchRace.cs:[[@LINE-25]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.<>c__DisplayClass{{[0-9_]+}}.<Main>b__0() {{.*}}EscapeOnRareBranchRace.cs:[[@LINE-14]]
// CHECK: Location is field Demo.Box.value of object of type Demo.Box.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 5953
