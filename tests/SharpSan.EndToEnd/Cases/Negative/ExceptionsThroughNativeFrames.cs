// Exceptions thrown from methods that touch native memory and caught further up; finally blocks free.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Parse(byte* p, int n, int depth)
    {
        if (depth == 0)
        {
            if (p[n - 1] == 0xff) throw new FormatException("bad trailer");
            return p[0];
        }
        return Parse(p, n, depth - 1) + p[depth];
    }

    static void Main()
    {
        int caught = 0, ok = 0;
        for (int round = 0; round < 20; round++)
        {
            byte* p = (byte*)NativeMemory.AllocZeroed(16);
            try
            {
                p[15] = (byte)(round % 2 == 0 ? 0xff : 1);
                ok += Parse(p, 16, 5) >= 0 ? 1 : 0;
            }
            catch (FormatException)
            {
                caught++;
            }
            finally
            {
                NativeMemory.Free(p);
            }
        }
        Console.WriteLine($"caught={caught} ok={ok}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: caught=10 ok=10
// CHECK-NOT: ERROR:
