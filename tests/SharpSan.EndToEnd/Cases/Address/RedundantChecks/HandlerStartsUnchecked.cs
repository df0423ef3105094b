// The try block's read of p[8] comes after a division that throws, so the handler's read of the same p[8] (one past
// the 32-byte block) has no check before it on the path that reaches it: it is reported at the handler's line.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Divide(int* p, int d)
    {
        try
        {
            int q = 100 / d;
            return q + p[8];
        }
        catch (DivideByZeroException)
        {
            return p[8];
        }
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.AllocZeroed(8 * sizeof(int));
        Console.WriteLine($"first bad 0x{(nuint)(p + 8):x}");
        Console.WriteLine(Divide(p, 0));
        Console.WriteLine("not reached");
    }
}
// CHECK: first bad [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Divide(int*, int) {{.*}}HandlerStartsUnchecked.cs:[[@LINE-15]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}HandlerStartsUnchecked.cs:[[@LINE-16]] in Program.Divide(int*, int)
// CHECK-NOT: not reached
