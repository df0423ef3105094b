using System;
using System.Runtime.InteropServices;

// An undefined native value added into an element of an ordinary array through its address (`totals[k] += raw[k]`:
// ldelema, dup, ldind, add, stind) is stored with its shadow, as `totals[k] = raw[k]` (stelem) is: the elements
// from the written part of the buffer are usable, the others are not.
unsafe class Program
{
    static int Largest(int[] totals)
    {
        int largest = 0;
        for (int k = 0; k < totals.Length; k++)
            if (totals[k] > largest) largest = totals[k];
        return largest;
    }

    static void Main()
    {
        int* raw = (int*)NativeMemory.Alloc(4 * sizeof(int));
        raw[0] = 5;
        raw[1] = 9;
        int[] totals = new int[4];
        for (int k = 0; k < 4; k++) totals[k] += raw[k];
        if (totals[1] > totals[0]) Console.WriteLine("written elements defined");
        Console.WriteLine($"largest {Largest(totals)}");
    }
}

// SANITIZE: memory
// CHECK: written elements defined
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Largest(int[]) {{.*}}UndefinedAddedThroughElementRef.cs:[[@LINE-19]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UndefinedAddedThroughElementRef.cs:[[@LINE-8]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NOT: largest
