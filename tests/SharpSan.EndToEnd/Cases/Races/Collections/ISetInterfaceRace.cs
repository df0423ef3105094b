// A HashSet used through ISet<T>: the worker's UnionWith (a write) and main's Contains through ICollection<T> (a
// read) are not ordered.
using System;
using System.Collections.Generic;
using System.Threading;
using SharpSan.Annotations;

static class Program
{
    static void Main()
    {
        ISet<int> set = new HashSet<int>();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            set.UnionWith(new[] { 1, 2, 3 });
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        bool found = set.Contains(2);
        worker.Join();
        Console.WriteLine("done " + found);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 8 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x0000 in Call to HashSet<int>.Contains (read)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ISetInterfaceRace.cs:[[@LINE-9]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x0000 in Call to HashSet<int>.UnionWith (write)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in {{.*}}ISetInterfaceRace.cs:[[@LINE-17]]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}ISetInterfaceRace.cs:[[@LINE-13]] in Program.Main()
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done True
