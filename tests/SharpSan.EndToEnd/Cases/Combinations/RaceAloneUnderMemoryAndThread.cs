// Only a race under memory,thread: TSan's report and exit code; native memory written before use stays silent in MSan.
using System;
using System.Runtime.InteropServices;
using System.Threading;
using SharpSan.Annotations;

class Box { public int value; }

unsafe static class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(4 * sizeof(int));
        for (int i = 0; i < 4; i++) p[i] = i;
        var box = new Box();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            box.value = p[1];
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        int seen = box.value;
        worker.Join();
        if (p[3] == 3) Console.WriteLine($"done {seen}");
        NativeMemory.Free(p);
    }
}
// SANITIZE: memory,thread
// CHECK-NOT: MemorySanitizer
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}RaceAloneUnderMemoryAndThread.cs:[[@LINE-10]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK: SUMMARY: ThreadSanitizer: data race
// CHECK-NOT: MemorySanitizer
// CHECK: done
// CHECK-NOT: MemorySanitizer
