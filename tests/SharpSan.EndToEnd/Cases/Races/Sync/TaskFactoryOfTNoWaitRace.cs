// Task<T>.Factory.StartNew's function writes a field that main reads before it looks at the task's Result: the
// fork orders main's past before the function, nothing orders the function before main's read.
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
        var barrier = new RaceTestBarrier(2);
        box.value = 1;
        var task = Task<int>.Factory.StartNew(() =>
        {
            box.value = 2;
            barrier.Wait();
            return 3;
        });
        barrier.Wait();
        int early = box.value;
        int result = task.Result;
        Console.WriteLine("done " + (early + result + box.value));
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}TaskFactoryOfTNoWaitRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}TaskFactoryOfTNoWaitRace.cs:[[@LINE-15]]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}TaskFactoryOfTNoWaitRace.cs:[[@LINE-11]] in Demo.Program.Main()
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 7
