// Compound assignments through pointers up to the last element: no report, and the stores really happen.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* b = (byte*)NativeMemory.AllocZeroed(13);
        int* w = (int*)NativeMemory.AllocZeroed(5 * sizeof(int));
        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < 13; i++) b[i] += (byte)i;
            for (int i = 0; i < 5; i++) { w[i] += i; w[i] <<= 1; w[i] |= 1; }
        }
        int sum = 0;
        for (int i = 0; i < 13; i++) sum += b[i];
        for (int i = 0; i < 5; i++) sum += w[i];
        Console.WriteLine($"sum {sum}");
        NativeMemory.Free(b);
        NativeMemory.Free(w);
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum {{[0-9]+}}
// CHECK-NOT: ERROR:
