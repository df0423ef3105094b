// memory,thread in one run: a data race on a field (TSan's grammar) and a branch on a rented array's stale element
// (MSan's grammar), both reported; the race comes first, so the run exits with TSan's 66.
using System;
using System.Buffers;
using System.Threading;
using SharpSan.Annotations;

class Box { public long value; }

static class Program
{
    static void Main()
    {
        var box = new Box();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            box.value = 1;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        box.value = 2;
        worker.Join();
        int[] rented = ArrayPool<int>.Shared.Rent(16);
        rented[0] = 5;
        if (rented[9] > 0)
            Console.WriteLine("stale");
        Console.WriteLine("done");
    }
}
// SANITIZE: memory,thread
// ENV: SHARPSAN_OPTIONS=halt_on_error=0
// EXIT: 66
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 8 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}RaceAndUninitializedBothReported.cs:[[@LINE-14]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK: Location is field Box.value of object of type Box.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}RaceAndUninitializedBothReported.cs:[[@LINE-17]] in Program.Main()
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}RaceAndUninitializedBothReported.cs:[[@LINE-15]]
// CHECK: Uninitialized value was created by an array rented from ArrayPool<int>.Shared.Rent(16)
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
