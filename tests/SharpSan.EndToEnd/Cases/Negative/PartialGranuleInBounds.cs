// A 13-byte block: every access that stays within bytes 0..12 is fine, whatever its width.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.AllocZeroed(13);
        p[12] = 12;
        *(short*)(p + 11) += 1;
        *(int*)(p + 9) += 1;
        *(long*)(p + 5) += 1;
        long sum = 0;
        for (int i = 0; i < 13; i++) sum += p[i];
        Console.WriteLine($"sum={sum} last={p[12]}");
        NativeMemory.Free(p);
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum={{[0-9]+}} last=
// CHECK-NOT: ERROR:
