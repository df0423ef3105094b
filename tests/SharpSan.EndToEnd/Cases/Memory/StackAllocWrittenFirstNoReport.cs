using System;
using System.Runtime.CompilerServices;

unsafe class Program
{
    [SkipLocalsInit]
    static int Sum(int n)
    {
        byte* buffer = stackalloc byte[64];
        for (int i = 0; i < n; i++) buffer[i] = (byte)(i * 2);
        int total = 0;
        for (int i = 0; i < n; i++)
            if ((buffer[i] & 2) != 0) total += buffer[i];
        return total;
    }

    static void Main()
    {
        Console.WriteLine($"total {Sum(10)} {Sum(3)}");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: total 50 2
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
