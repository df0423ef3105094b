// Guard mode, negative twin of HeaderOverwrittenBySameClassNeighbour: blocks of every small size class, adjacent in
// their class, each written to its very last byte (the next block's header lies right after it), then freed in an
// order unlike the allocation's; zero-sized and zeroed blocks too. No report, and every byte reads back.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        long sum = 0;
        int blocks = 0;
        for (int size = 0; size <= 70000; size = size < 256 ? size + 1 : size * 5 / 4)
        {
            var ptrs = new nint[8];
            for (int i = 0; i < ptrs.Length; i++)
            {
                byte* p = (byte*)NativeMemory.Alloc((nuint)size);
                for (int j = 0; j < size; j++) p[j] = (byte)(j + i);
                ptrs[i] = (nint)p;
            }
            for (int i = 0; i < ptrs.Length; i++)
            {
                byte* p = (byte*)ptrs[i];
                for (int j = 0; j < size; j++) if (p[j] != (byte)(j + i)) Console.WriteLine($"size {size}: byte {j} changed");
                sum += size;
            }
            for (int i = ptrs.Length - 1; i >= 0; i -= 2) NativeMemory.Free((void*)ptrs[i]);
            for (int i = 0; i < ptrs.Length; i += 2) NativeMemory.Free((void*)ptrs[i]);
            byte* z = (byte*)NativeMemory.AllocZeroed((nuint)size);
            for (int j = 0; j < size; j++) if (z[j] != 0) { Console.WriteLine($"size {size}: zeroed block not zero"); break; }
            NativeMemory.Free(z);
            blocks += ptrs.Length + 1;
        }
        Console.WriteLine($"blocks {blocks}, bytes {sum}");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=0
// CHECK-NOT: ERROR:
// CHECK-NOT: changed
// CHECK-NOT: not zero
// CHECK: blocks {{[0-9]+}}, bytes {{[0-9]+}}
// CHECK-NOT: ERROR:
