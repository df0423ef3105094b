// A generic class whose field is guarded by a lock.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Box<T>
{
    T _value;
    readonly object _gate = new object();
    public void Set(T value) { lock (_gate) _value = value; }
    public T Get() { lock (_gate) return _value; }
}

static class Program
{
    static void Main()
    {
        var box = new Box<long>();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() => { box.Set(40); barrier.Wait(); });
        worker.Start();
        barrier.Wait();
        long v = box.Get();
        box.Set(v + 2);
        worker.Join();
        Console.WriteLine(box.Get());
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 42
// CHECK-NOT: ThreadSanitizer
