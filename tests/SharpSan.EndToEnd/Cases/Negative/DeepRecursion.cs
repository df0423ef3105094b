// Deep recursion (5000 frames) touching native memory at every level, then unwinding normally.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static long Walk(int* p, int n, int depth)
    {
        if (depth == n) return 0;
        p[depth] = depth;
        return p[depth] + Walk(p, n, depth + 1);
    }

    static void Main()
    {
        const int n = 5000;
        int* p = (int*)NativeMemory.Alloc(n * sizeof(int));
        long total = 0;
        var t = new System.Threading.Thread(() => total = Walk(p, n, 0), 64 << 20);
        t.Start();
        t.Join();
        NativeMemory.Free(p);
        Console.WriteLine($"total={total}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: total=12497500
// CHECK-NOT: ERROR:
