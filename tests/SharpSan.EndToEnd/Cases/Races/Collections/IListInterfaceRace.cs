// A List handed around as ICollection<T> and IReadOnlyList<T>: the worker adds through one interface, main reads
// the count through the other. Checked like direct calls on the List behind them.
using System;
using System.Collections.Generic;
using System.Threading;
using SharpSan.Annotations;

static class Program
{
    static void Fill(ICollection<int> items) => items.Add(42);

    static int Count(IReadOnlyList<int> items) => items.Count;

    static void Main()
    {
        var list = new List<int>();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Fill(list);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        int count = Count(list);
        worker.Join();
        Console.WriteLine("done " + count);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 8 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x0000 in Call to List<int>.get_Count (read)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Count({{.*}}) {{.*}}IListInterfaceRace.cs:[[@LINE-22]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}IListInterfaceRace.cs:[[@LINE-10]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x0000 in Call to List<int>.Add (write)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Fill({{.*}}) {{.*}}IListInterfaceRace.cs:[[@LINE-28]]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}IListInterfaceRace.cs:[[@LINE-27]] in Program.Count
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 1
