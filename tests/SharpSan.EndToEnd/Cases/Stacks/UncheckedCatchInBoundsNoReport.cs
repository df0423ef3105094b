// The negative twin of UncheckedCatchThenCallee, optimised: exceptions leave checked frames that hold stack buffers
// and pinned arrays and are swallowed by Task.RunSynchronously (BCL code); the buffers used afterwards are in
// bounds, and the pins and stack buffers the exceptions ended are not mistaken for live ones: nothing to report.
using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

static unsafe class Program
{
    static int Deep(int depth, int[] array)
    {
        int* local = stackalloc int[4];
        fixed (int* pinned = array)
        {
            local[depth & 3] = pinned[depth & 3];
            if (depth == 0) throw new InvalidOperationException("boom");
            return Deep(depth - 1, array) + local[depth & 3];
        }
    }

    static int InBounds(int* p, int n)
    {
        int* copy = stackalloc int[4];
        for (int i = 0; i < n; i++) copy[i] = p[i];
        return copy[n - 1];
    }

    static void Main()
    {
        var array = new int[] { 1, 2, 3, 4 };
        int* p = (int*)NativeMemory.Alloc(16);
        int total = 0;
        for (int round = 0; round < 50; round++)
        {
            var task = new Task<int>(() => Deep(5, array));
            task.RunSynchronously();
            for (int i = 0; i < 4; i++) p[i] = array[i] + round;
            total += InBounds(p, 4);
        }
        GC.Collect();
        Console.WriteLine("total " + total);
        NativeMemory.Free(p);
    }
}
// OPTIMIZE: true
// CHECK-NOT: ERROR:
// CHECK: total 1425
// CHECK-NOT: ERROR:
