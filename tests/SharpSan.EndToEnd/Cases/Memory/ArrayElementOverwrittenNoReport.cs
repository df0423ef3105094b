using System;
using System.Runtime.InteropServices;

// The negative twin of ArrayElementUndefinedBranch: undefined elements overwritten before use, copied to another
// array and never used, or handed to Array.Fill (outside code whose writes the shadow does not see: the array is taken
// as defined rather than risk a report on what it wrote) — none is a report.
unsafe class Program
{
    static void Main()
    {
        int* raw = (int*)NativeMemory.Alloc(4 * sizeof(int));
        int[] values = new int[4];
        int[] copy = new int[4];
        for (int k = 0; k < 4; k++) values[k] = raw[k];
        for (int k = 0; k < 4; k++) copy[k] = values[k];
        for (int k = 0; k < 4; k++) values[k] = k;
        int sum = 0;
        for (int k = 0; k < 4; k++)
            if (values[k] > 0) sum += values[k];
        Array.Fill(copy, 2);
        for (int k = 0; k < 4; k++)
            if (copy[k] == 2) sum++;
        Console.WriteLine($"sum {sum}");
        NativeMemory.Free(raw);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: sum 10
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
