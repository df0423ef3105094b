// The producer keeps writing after TrySetResult: the consumer's read after Result races with that write.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Box { public int value; }

static class Program
{
    static void Main()
    {
        var box = new Box();
        var tcs = new TaskCompletionSource<int>();
        var barrier = new RaceTestBarrier(2);
        var producer = new Thread(() =>
        {
            box.value = 1;
            tcs.TrySetResult(1);
            box.value = 2;
            barrier.Wait();
        });
        producer.Start();
        int result = tcs.Task.Result;
        barrier.Wait();
        int seen = box.value;
        producer.Join();
        Console.WriteLine("done " + (result + seen));
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}TcsSetThenWriteRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}TcsSetThenWriteRace.cs:[[@LINE-16]]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}TcsSetThenWriteRace.cs:[[@LINE-11]] in Demo.Program.Main()
// CHECK: done 3
