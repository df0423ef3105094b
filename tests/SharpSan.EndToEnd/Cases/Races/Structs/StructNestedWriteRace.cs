// A struct method that calls a method of a nested struct field which increments that struct's counter
// (`holder.Outer.Touch()` -> `Inner.Bump()` -> `_count++`), from two threads: a write of the innermost member,
// reported with its path and its own size (4), not the size of the enclosing structs.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

struct Inner
{
    int _count;
    public long Padding;
    public void Bump() => _count++;
    public int Count => _count;
}

struct Outer
{
    public Inner Inner;
    public long Stamp;
    public void Touch() => Inner.Bump();
}

sealed class Holder
{
    public Outer Outer;
}

static class Program
{
    static void Main()
    {
        var holder = new Holder();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            holder.Outer.Touch();
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        holder.Outer.Touch();
        worker.Join();
        Console.WriteLine("count " + holder.Outer.Inner.Count);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}StructNestedWriteRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}StructNestedWriteRace.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Holder.Outer.Inner._count of object of type Demo.Holder.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}StructNestedWriteRace.cs:[[@LINE-12]] in Demo.Program.Main()
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: count 2
