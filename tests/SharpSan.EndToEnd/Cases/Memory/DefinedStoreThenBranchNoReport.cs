using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static int Checksum(byte* data, int length)
    {
        int sum = 0;
        for (int i = 0; i < length; i++) sum = (sum << 1) ^ data[i];
        return sum;
    }

    static void Main()
    {
        byte* p = (byte*)Marshal.AllocCoTaskMem(32);
        for (int i = 0; i < 32; i++) p[i] = (byte)(i * 7);
        int c = Checksum(p, 32);
        if (c != 0) Console.WriteLine("checksum set");
        short* s = (short*)p;
        s[3] = -1;
        if (s[3] < 0) Console.WriteLine("negative");
        Marshal.FreeCoTaskMem((IntPtr)p);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: checksum set
// CHECK: negative
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
