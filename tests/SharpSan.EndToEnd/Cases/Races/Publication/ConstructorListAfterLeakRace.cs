// A constructor fills its fresh List, leaks `this` to a static, then adds again: the Add after the leak races with
// the reader's Count (the ones before it do not, but the report names the latest write).
using System;
using System.Collections.Generic;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

sealed class Journal
{
    [BenignRace("the registry slot itself; what matters here is the list")]
    public static Journal Current;
    readonly List<int> _entries;

    public Journal()
    {
        _entries = new List<int>();
        _entries.Add(1);
        Current = this;
        _entries.Add(2);
    }

    public int Count => _entries.Count;
}

static class Program
{
    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            new Journal();
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Console.WriteLine("count " + Journal.Current.Count);
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 8 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x0000 in Call to List<int>.get_Count (read)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Demo.Journal.get_Count() {{.*}}ConstructorListAfterLeakRace.cs:[[@LINE-24]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x0000 in Call to List<int>.Add (write)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Demo.Journal..ctor() {{.*}}ConstructorListAfterLeakRace.cs:[[@LINE-30]]
// CHECK: Location is List<int> object.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: count 2
// CHECK: done
