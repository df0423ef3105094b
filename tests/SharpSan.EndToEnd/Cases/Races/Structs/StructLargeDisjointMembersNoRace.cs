// Two threads write different members of a struct with nine members: distinct memory, no race. (Real caches keep
// structs of a dozen or more members in a field — BitFaster's ConcurrentLfuCore — so the split goes up to
// StructMembers.MaxMembers, 32; a wider struct keeps one cell and its members are not told apart.)
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

struct Wide
{
    public int A, B, C, D, E, F, G, H, I;
}

sealed class Holder
{
    public Wide wide;
}

static class Program
{
    static void Main()
    {
        var holder = new Holder();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            holder.wide.A = 1;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        holder.wide.I = 9;
        worker.Join();
        Console.WriteLine($"wide {holder.wide.A} {holder.wide.I}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: wide 1 9
// CHECK-NOT: ThreadSanitizer
