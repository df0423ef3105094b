// The positive twin of StructReadonlyMembersNoRace: a `readonly` member reads Hits while a non-readonly sibling
// increments it on another thread — the readonly call is a read, the other a write of Window.Hits: they race.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

struct Window
{
    public int Start;
    public int Hits;
    public readonly bool Busy() => Hits > 10;
    public void Record() => Hits++;
}

sealed class Filter
{
    public Window window;
}

static class Program
{
    static void Main()
    {
        var filter = new Filter();
        var barrier = new RaceTestBarrier(2);
        bool busy = false;
        var worker = new Thread(() =>
        {
            filter.window.Record();
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        busy = filter.window.Busy();
        worker.Join();
        Console.WriteLine($"busy {busy}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}StructReadonlyMemberVsWriteRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}StructReadonlyMemberVsWriteRace.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Filter.window.Hits of object of type Demo.Filter.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: busy False
