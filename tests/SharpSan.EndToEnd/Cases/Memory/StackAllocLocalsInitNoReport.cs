using System;

unsafe class Program
{
    static int Sum()
    {
        int* buffer = stackalloc int[8];
        for (int i = 0; i < 7; i++) buffer[i] = i;
        int total = 0;
        for (int i = 0; i < 8; i++)
            if (buffer[i] > 2) total += buffer[i];
        return total;
    }

    static void Main()
    {
        Console.WriteLine($"total {Sum()}");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: total 18
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
