// A framework struct whose method writes its own fields (HashCode.Add), held in a field and fed by two threads
// without synchronisation: a write of the field's members, reported.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

sealed class Digest
{
    public HashCode hash;
    public void Add(int value) => hash.Add(value);
}

static class Program
{
    static void Main()
    {
        var digest = new Digest();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            digest.Add(1);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        digest.Add(2);
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Digest.Add(int) {{.*}}StructBclMutatorRace.cs:[[@LINE-24]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Digest.Add(int) {{.*}}StructBclMutatorRace.cs:[[@LINE-26]]
// CHECK: Location is field Demo.Digest.hash.{{_[a-z0-9]+}} of object of type Demo.Digest.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
