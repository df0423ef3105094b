// The racing accesses are inside generic code: Box<T>.Set and Box<T>.Get, T = string.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Box<T>
{
    T _value;
    public void Set(T value) => _value = value;
    public T Get() => _value;
}

static class Program
{
    static void Main()
    {
        var box = new Box<string>();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            box.Set("x");
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        string seen = box.Get();
        worker.Join();
        Console.WriteLine(seen != null ? "done" : "done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbGenericMethodFieldRace.cs:[[@LINE-24]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbGenericMethodFieldRace.cs:[[@LINE-27]]
// CHECK: Location is field Demo.Box<string>._value of object of type Demo.Box<string>.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbGenericMethodFieldRace.cs:[[@LINE-28]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
