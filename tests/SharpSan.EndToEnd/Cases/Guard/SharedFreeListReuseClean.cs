// Guard mode, negative twin of HeaderDoubleFreeFromSharedFreeList: 20,000 blocks of one size class freed and
// allocated again three times, now mostly through the class's shared free list; every block is written whole with
// its own pattern and read back before it is freed, so a block handed out twice would show as changed bytes. No report.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        const int n = 20_000, size = 72;
        var blocks = new nint[n];
        long checkedBytes = 0;
        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < n; i++)
            {
                byte* p = (byte*)NativeMemory.Alloc(size);
                for (int j = 0; j < size; j++) p[j] = (byte)(i * 7 + j + round);
                blocks[i] = (nint)p;
            }
            for (int i = 0; i < n; i++)
            {
                byte* p = (byte*)blocks[i];
                for (int j = 0; j < size; j++) if (p[j] != (byte)(i * 7 + j + round)) { Console.WriteLine($"round {round}: block {i} changed"); break; }
                checkedBytes += size;
            }
            for (int i = n - 1; i >= 0; i--) NativeMemory.Free((void*)blocks[i]);
        }
        Console.WriteLine($"checked {checkedBytes} bytes");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=0
// CHECK-NOT: ERROR:
// CHECK-NOT: changed
// CHECK: checked 4320000 bytes
// CHECK-NOT: ERROR:
