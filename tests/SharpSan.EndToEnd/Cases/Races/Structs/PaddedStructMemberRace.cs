// A padded head/tail pair (explicit layout, 192 bytes, one int per cache line): the consumer stores Head with a
// plain write while a producer reads it with a plain read. The race is on Head, 4 bytes — not on the 192-byte
// struct — and the producer's Interlocked update of Tail does not race with anything.
using System;
using System.Runtime.InteropServices;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

[StructLayout(LayoutKind.Explicit, Size = 192)]
struct PaddedHeadAndTail
{
    [FieldOffset(64)] public int Head;
    [FieldOffset(128)] public int Tail;
}

sealed class Ring
{
    PaddedHeadAndTail _headAndTail;

    public int Produce()
    {
        int head = _headAndTail.Head;
        Interlocked.Increment(ref _headAndTail.Tail);
        return head;
    }

    public void Consume() => _headAndTail.Head = Volatile.Read(ref _headAndTail.Tail);
}

static class Program
{
    static void Main()
    {
        var ring = new Ring();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            ring.Consume();
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        ring.Produce();
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Ring.Produce() {{.*}}PaddedStructMemberRace.cs:[[@LINE-29]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Ring.Consume() {{.*}}PaddedStructMemberRace.cs:[[@LINE-26]]
// CHECK: Location is field Demo.Ring._headAndTail.Head of object of type Demo.Ring.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}PaddedStructMemberRace.cs:[[@LINE-33]] in Demo.Ring.Produce()
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
