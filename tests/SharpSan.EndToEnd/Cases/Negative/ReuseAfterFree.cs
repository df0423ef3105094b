// Blocks freed in reverse order and allocated again: the new blocks are fully usable, none is reported stale.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        const int count = 200;
        var blocks = new IntPtr[count];
        long sum = 0;
        for (int round = 0; round < 5; round++)
        {
            for (int i = 0; i < count; i++)
            {
                blocks[i] = (IntPtr)NativeMemory.Alloc((nuint)(8 + i));
                byte* p = (byte*)blocks[i];
                p[0] = 1;
                p[7 + i] = 1;
            }
            for (int i = count - 1; i >= 0; i--)
            {
                byte* p = (byte*)blocks[i];
                sum += p[0] + p[7 + i];
                NativeMemory.Free(p);
            }
        }
        Console.WriteLine($"sum={sum}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum=2000
// CHECK-NOT: ERROR:
