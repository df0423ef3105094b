// Guard mode where userfaultfd is refused: one clear warning, then the header-checked allocator alone (no guard
// pages, never a hang); an overflow into the block's own slack is not caught, a correct program runs to the end.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        for (int i = 0; i < 100; i++)
        {
            byte* p = (byte*)NativeMemory.Alloc(16);
            for (int k = 0; k < 16; k++) p[k] = 1;
            NativeMemory.Free(p);
        }
        Console.WriteLine("done");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=1
// ENV: SHARPSAN_TEST_NO_USERFAULTFD=1
// CHECK-NOT: ERROR:
// CHECK: WARNING: SharpSan: guard mode cannot place allocations between guard pages: userfaultfd refused
// CHECK-NOT: WARNING:
// CHECK-NOT: ERROR:
// CHECK: done
// CHECK-NOT: WARNING:
// CHECK-NOT: ERROR:
