using System;

class Program
{
    static void Main()
    {
        long[] values = GC.AllocateUninitializedArray<long>(8);
        values[0] = 1;
        long copy = values[5];
        long shifted = copy >> 3;
        if (shifted == 0) Console.WriteLine("small");
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UninitializedArrayBranch.cs:[[@LINE-6]]
// CHECK: Uninitialized value was created by an array from GC.AllocateUninitializedArray<long>(8)
