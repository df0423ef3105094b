// BitFaster.Caching #593 fixed with a lock: the two-field struct is stored and copied under it.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

struct Entry { public long Key; public long Value; }

class Slot
{
    Entry _current;
    readonly object _gate = new object();
    public void Set(Entry e) { lock (_gate) _current = e; }
    public Entry Get() { lock (_gate) return _current; }
}

static class Program
{
    static void Main()
    {
        var slot = new Slot();
        var barrier = new RaceTestBarrier(2);
        var writer = new Thread(() => { slot.Set(new Entry { Key = 1, Value = 100 }); barrier.Wait(); });
        writer.Start();
        barrier.Wait();
        var seen = slot.Get();
        writer.Join();
        Console.WriteLine(seen.Key + seen.Value);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 101
// CHECK-NOT: ThreadSanitizer
