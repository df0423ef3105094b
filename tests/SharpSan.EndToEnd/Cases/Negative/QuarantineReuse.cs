// Many allocate/free cycles of varied sizes (well past the quarantine limit): fresh blocks are always
// clean, and nothing stale is reported.
// ENV: SHARPSAN_OPTIONS=quarantine_size_mb=1
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        long checksum = 0;
        for (int i = 0; i < 20000; i++)
        {
            int n = 16 + (i * 37) % 2000;
            byte* p = (byte*)NativeMemory.AllocZeroed((nuint)n);
            p[0] = 1;
            p[n - 1] = 1;
            checksum += p[0] + p[n - 1] + p[n / 2];
            NativeMemory.Free(p);
        }
        Console.WriteLine($"checksum={checksum}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: checksum=40000
// CHECK-NOT: ERROR:
