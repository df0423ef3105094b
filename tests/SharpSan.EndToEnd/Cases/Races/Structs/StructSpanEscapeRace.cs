// A struct method that hands out a span over its own fields (MemoryMarshal.CreateSpan(ref _first, 2)): the address
// escapes into the span (and the span reaches past _first), so the call counts as a write of every member, and two
// threads writing the same element through their spans race.
using System;
using System.Runtime.InteropServices;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

struct Pair
{
    int _first;
    int _second;
    public Span<int> Items() => MemoryMarshal.CreateSpan(ref _first, 2);
    public int Sum => _first + _second;
}

sealed class Holder
{
    public Pair pair;
}

static class Program
{
    static void Main()
    {
        var holder = new Holder();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            holder.pair.Items()[0] = 5;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        holder.pair.Items()[0] = 3;
        worker.Join();
        Console.WriteLine("sum " + holder.pair.Sum);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}StructSpanEscapeRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}StructSpanEscapeRace.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Holder.pair._first of object of type Demo.Holder.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: sum 3
