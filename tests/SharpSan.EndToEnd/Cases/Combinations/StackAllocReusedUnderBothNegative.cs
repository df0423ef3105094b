// stackalloc under address,memory, correct: a [SkipLocalsInit] buffer fully written before use, then (same fake-stack
// memory, reused) a zero-initialised buffer in a method with localsinit read as is. A stale undefined shadow left by
// the first buffer would be a false report in the second.
using System;
using System.Runtime.CompilerServices;

unsafe class Program
{
    [SkipLocalsInit]
    static int Written()
    {
        int* buffer = stackalloc int[32];
        for (int i = 0; i < 32; i++) buffer[i] = i;
        return buffer[31] > 30 ? 1 : 0;
    }

    [SkipLocalsInit]
    static int LeftUnwritten()
    {
        int* buffer = stackalloc int[32];
        buffer[0] = 1;
        return buffer[0];
    }

    static int Zeroed()
    {
        int* buffer = stackalloc int[32];
        int nonZero = 0;
        for (int i = 0; i < 32; i++)
            if (buffer[i] != 0) nonZero++;
        return nonZero;
    }

    static void Main()
    {
        int sum = 0;
        for (int round = 0; round < 400; round++) sum += Written() + LeftUnwritten() + Zeroed();
        Console.WriteLine($"sum {sum}");
    }
}

// SANITIZE: address,memory
// CHECK-NOT: ERROR:
// CHECK-NOT: WARNING:
// CHECK: sum 800
// CHECK-NOT: WARNING:
// CHECK-NOT: ERROR:
