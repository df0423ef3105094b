using System;
using System.Runtime.InteropServices;

// An undefined value stored into an element of an ordinary managed array keeps its shadow there (not only rented
// arrays): the elements written from the defined part of the buffer are usable, the others are not.
unsafe class Program
{
    static int Longest(int[] lengths)
    {
        int longest = 0;
        for (int k = 0; k < lengths.Length; k++)
            if (lengths[k] > longest) longest = lengths[k];
        return longest;
    }

    static void Main()
    {
        int* raw = (int*)NativeMemory.Alloc(4 * sizeof(int));
        raw[0] = 5;
        raw[1] = 9;
        int[] lengths = new int[4];
        for (int k = 0; k < 4; k++) lengths[k] = raw[k];
        if (lengths[1] > lengths[0]) Console.WriteLine("written elements defined");
        Console.WriteLine($"longest {Longest(lengths)}");
    }
}

// SANITIZE: memory
// CHECK: written elements defined
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Longest(int[]) {{.*}}ArrayElementUndefinedBranch.cs:[[@LINE-19]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ArrayElementUndefinedBranch.cs:[[@LINE-8]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NOT: longest
