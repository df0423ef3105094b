// A List read through the non-generic IEnumerable (as a logging or data-binding helper taking IEnumerable does) while
// a worker adds to it: the enumeration is a read of the list, unordered with the worker's Add.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using SharpSan.Annotations;

static class Program
{
    static int CountUntyped(IEnumerable items)
    {
        int n = 0;
        var e = items.GetEnumerator();
        while (e.MoveNext()) n++;
        return n;
    }

    static void Main()
    {
        var list = new List<int> { 1 };
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            list.Add(42);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        int count = CountUntyped(list);
        worker.Join();
        Console.WriteLine("done " + count);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 8 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x0000 in Call to List<int>.GetEnumerator (read)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.CountUntyped({{.*}}) {{.*}}NonGenericEnumerableRace.cs:[[@LINE-25]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}NonGenericEnumerableRace.cs:[[@LINE-10]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x0000 in Call to List<int>.Add (write)
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}NonGenericEnumerableRace.cs:[[@LINE-29]] in Program.CountUntyped
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 2
