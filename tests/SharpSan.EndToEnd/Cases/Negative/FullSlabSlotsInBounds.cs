// Chunks of every small size class filled to their last byte, side by side in slots without right redzones of
// their own, then read back and freed: nothing is out of bounds.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        long total = 0;
        for (int size = 16; size <= 512; size += 16)
        {
            var blocks = new byte*[16];
            for (int i = 0; i < blocks.Length; i++)
            {
                blocks[i] = (byte*)NativeMemory.Alloc((nuint)size);
                for (int j = 0; j < size; j++) blocks[i][j] = (byte)(i + j);
            }
            for (int i = 0; i < blocks.Length; i++)
            {
                total += blocks[i][0] + blocks[i][size - 1];
                NativeMemory.Free(blocks[i]);
            }
        }
        Console.WriteLine($"total={total}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: total=
// CHECK-NOT: ERROR:
