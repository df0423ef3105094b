// A struct in a static field, mutated through its method by two threads: a write of the static's member.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

struct Sequence
{
    int _next;
    public int Take() => _next++;
    public readonly int Peek() => _next;
}

static class Program
{
    static Sequence s_ids;

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            s_ids.Take();
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        s_ids.Take();
        worker.Join();
        Console.WriteLine("next " + s_ids.Peek());
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}StructStaticMethodWriteRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}StructStaticMethodWriteRace.cs:[[@LINE-15]]
// CHECK: Location is static field Demo.Program.s_ids._next.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: next 2
