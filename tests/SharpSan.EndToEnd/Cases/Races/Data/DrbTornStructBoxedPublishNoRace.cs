// BitFaster.Caching #593 fixed the other way: an immutable object published with Volatile.Write/Read.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

sealed class Entry
{
    public readonly long Key;
    public readonly long Value;
    public Entry(long key, long value) { Key = key; Value = value; }
}

class Slot { public Entry current; }

static class Program
{
    static void Main()
    {
        var slot = new Slot();
        var writer = new Thread(() => Volatile.Write(ref slot.current, new Entry(1, 100)));
        writer.Start();
        Entry seen;
        while ((seen = Volatile.Read(ref slot.current)) == null) Thread.Yield();
        writer.Join();
        Console.WriteLine(seen.Key + seen.Value);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 101
// CHECK-NOT: ThreadSanitizer
