// Guard mode with guard_align=left, negative: blocks start right after a guard page; every byte from the first one
// on is used, in managed code and through Span, and the blocks are freed once: no report.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        long sum = 0;
        for (int size = 1; size <= 64; size++)
        {
            byte* p = (byte*)Marshal.AllocHGlobal(size);
            new Span<byte>(p, size).Fill(3);
            for (int i = 0; i < size; i++) sum += p[i];
            Marshal.FreeHGlobal((nint)p);
        }
        Console.WriteLine($"sum {sum}");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=1:guard_align=left
// CHECK-NOT: ERROR:
// CHECK: sum 6240
// CHECK-NOT: ERROR:
