// Twin of LeafThrowsThenOverflowInCaller: leaf methods throw out of their checks into checked catches and into the
// task machinery again and again, and every later access is in bounds: nothing to report, and no frame piles up.
using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

static unsafe class Program
{
    static byte* s_data;

    static void StaleLeaf()
    {
        if (s_data[0] == 0) throw new InvalidOperationException("boom");
    }

    static int Deep(int depth) => depth == 0 ? s_data[7] : Deep(depth - 1) + 1;

    static void Main()
    {
        s_data = (byte*)NativeMemory.AllocZeroed(8);
        int total = 0;
        for (int i = 0; i < 100_000; i++)
        {
            try { StaleLeaf(); }
            catch (InvalidOperationException) { }
            if (i % 1000 == 0) new Task(StaleLeaf).RunSynchronously();
            total += Deep(3) + s_data[i & 7];
        }
        Console.WriteLine("total " + total);
        NativeMemory.Free(s_data);
    }
}
// CHECK-NOT: ERROR:
// CHECK: total 300000
// CHECK-NOT: ERROR:
