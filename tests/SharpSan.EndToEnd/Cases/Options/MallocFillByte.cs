// Fresh allocations are filled with 0xbe (ASan's malloc_fill_byte) unless zeroed; malloc_fill_byte changes it.
// ENV: SHARPSAN_OPTIONS=malloc_fill_byte=0x41
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(8);
        byte* z = (byte*)NativeMemory.AllocZeroed(8);
        Console.WriteLine($"fill={p[0]:x2}{p[7]:x2} zeroed={z[0]:x2}{z[7]:x2}");
        NativeMemory.Free(p);
        NativeMemory.Free(z);
    }
}
// CHECK-NOT: ERROR:
// CHECK: fill=4141 zeroed=0000
// CHECK-NOT: ERROR:
