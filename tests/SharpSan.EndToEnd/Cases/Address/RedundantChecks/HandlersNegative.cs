// Correct code with checks around exception handlers: reads before, inside and after a try/catch/finally whose
// finally frees a scratch block and whose catch re-reads the buffer. Nothing is reported and the results are the plain
// program's.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Guarded(int* p, int d)
    {
        int* scratch = (int*)NativeMemory.AllocZeroed(4 * sizeof(int));
        int s = p[0];
        try
        {
            scratch[0] = p[0];
            s += 100 / d + p[0] + scratch[0];
        }
        catch (DivideByZeroException)
        {
            s += p[0] * 2;
        }
        finally
        {
            NativeMemory.Free(scratch);
        }
        return s + p[0];
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(sizeof(int));
        *p = 5;
        Console.WriteLine($"guarded {Guarded(p, 10)} {Guarded(p, 0)}");
        NativeMemory.Free(p);
        Console.WriteLine("done");
    }
}
// CHECK-NOT: ERROR:
// CHECK: guarded 30 20
// CHECK-NEXT: done
// CHECK-NOT: ERROR:
// OPTIMIZE: true
