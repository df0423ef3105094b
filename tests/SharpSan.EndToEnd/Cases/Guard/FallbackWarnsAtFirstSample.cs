// Guard mode where userfaultfd is refused, default sampling (1 in 5000): the guarded pool is set up at the first sampled
// allocation, so the one warning comes then — within 2 × 5000 allocations of a thread (the countdown is drawn below
// that) — and only once; the program runs to the end on the header-checked allocator.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        long sum = 0;
        for (int i = 0; i < 20_000; i++)
        {
            byte* p = (byte*)NativeMemory.Alloc(24);
            for (int k = 0; k < 24; k++) p[k] = (byte)k;
            sum += p[23];
            NativeMemory.Free(p);
        }
        Console.WriteLine($"done {sum}");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_TEST_NO_USERFAULTFD=1
// CHECK-NOT: ERROR:
// CHECK: WARNING: SharpSan: guard mode cannot place allocations between guard pages: userfaultfd refused
// CHECK-NOT: WARNING:
// CHECK-NOT: ERROR:
// CHECK: done 460000
// CHECK-NOT: WARNING:
// CHECK-NOT: ERROR:
