// A per-thread scratch block kept in a [ThreadStatic] of thread-pool threads that are still alive at exit: each
// worker's value is a root, as LeakSanitizer scans every live thread's TLS.
using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

static unsafe class Program
{
    [ThreadStatic] static byte* t_scratch;

    static int UseScratch()
    {
        if (t_scratch == null) t_scratch = (byte*)NativeMemory.Alloc(64);
        t_scratch[0]++;
        return t_scratch[0];
    }

    static void Main()
    {
        int total = 0;
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ => Interlocked.Add(ref total, UseScratch() > 0 ? 1 : 0));
        Console.WriteLine($"total={total}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: total=64
// CHECK-NOT: ERROR:
// CHECK-NOT: leak
