// Guard mode where userfaultfd is refused, default sampling (1 in 5000), negative: a program that stops before its
// first sampled allocation (a thread's first allocation only draws its countdown, so one allocation never is) never
// sets the guarded pool up — no userfaultfd, mapping or monitor thread: a short process pays for none of it — so it
// prints nothing of SharpSan's. (It warned at its first allocation before.)
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(32);
        long sum = 0;
        for (int k = 0; k < 32; k++) sum += p[k] = (byte)k;
        NativeMemory.Free(p);
        Console.WriteLine($"done {sum}");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_TEST_NO_USERFAULTFD=1
// CHECK-NOT: ERROR:
// CHECK-NOT: WARNING:
// CHECK: done 496
// CHECK-NOT: WARNING:
// CHECK-NOT: ERROR:
