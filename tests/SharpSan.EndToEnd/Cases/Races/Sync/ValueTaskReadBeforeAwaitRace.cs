// The async ValueTask method has finished on another thread, but main reads its result field before awaiting it:
// seeing IsCompleted orders nothing, so the read races with the method's write. The read after the await is fine.
using System;
using System.Threading;
using System.Threading.Tasks;

namespace Demo;

class Box { public int value; }

static class Program
{
    static async ValueTask<int> ProduceAsync(Box box)
    {
        await Task.Yield();
        box.value = 42;
        return 1;
    }

    static void Main()
    {
        var box = new Box();
        var produced = ProduceAsync(box);
        while (!produced.IsCompleted) Thread.Sleep(1);
        int early = box.value;
        int result = produced.GetAwaiter().GetResult();
        int late = box.value;
        Console.WriteLine("done " + (early + result + late));
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}ValueTaskReadBeforeAwaitRace.cs:[[@LINE-9]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}ValueTaskReadBeforeAwaitRace.cs:[[@LINE-20]]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}ValueTaskReadBeforeAwaitRace.cs:[[@LINE-12]] in Demo.Program.Main()
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 85
