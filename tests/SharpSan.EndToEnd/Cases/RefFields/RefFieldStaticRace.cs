// Two threads increment a shared static through a ref struct that holds a C# 11 `ref` field to it, unordered. The
// increment happens through the ref field; the rewriter sees the static where its address is taken (`ref s_total`
// handed to the constructor), and that is the access charged, as for any `ref` argument.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

ref struct Counter
{
    readonly ref int _target;
    public Counter(ref int target) => _target = ref target;
    public void Add(int n) => _target += n;
}

static class Program
{
    static int s_total;

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            new Counter(ref s_total).Add(1);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        new Counter(ref s_total).Add(1);
        worker.Join();
        Console.WriteLine($"done {s_total}");
    }
}
// SANITIZE: thread
// CHECK-NOT: InvalidProgramException
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}RefFieldStaticRace.cs:[[@LINE-9]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}RefFieldStaticRace.cs:[[@LINE-16]]
// CHECK: Location is static field Demo.Program.s_total.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}RefFieldStaticRace.cs:[[@LINE-13]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 2
