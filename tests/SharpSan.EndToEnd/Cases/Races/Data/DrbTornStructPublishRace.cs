// BitFaster.Caching #593: a writer stores a new two-field struct into a class field while a reader copies it;
// the reader can see A from one value and B from the other.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

struct Entry
{
    public long Key;
    public long Value;
    public Entry(long key, long value) { Key = key; Value = value; }
}

class Slot { public Entry current; }

static class Program
{
    static void Main()
    {
        var slot = new Slot();
        var barrier = new RaceTestBarrier(2);
        var writer = new Thread(() =>
        {
            slot.current = new Entry(1, 100);
            barrier.Wait();
        });
        writer.Start();
        barrier.Wait();
        Entry seen = slot.current;
        writer.Join();
        Console.WriteLine(seen.Key == 0 || seen.Value == 100 ? "done" : "torn");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 16 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbTornStructPublishRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 16 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbTornStructPublishRace.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Slot.current of object of type Demo.Slot.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbTornStructPublishRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
