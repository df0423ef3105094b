using System;
using System.Runtime.InteropServices;

// An undefined int formatted by string interpolation (DefaultInterpolatedStringHandler.AppendFormatted<int>): its
// digits leave checked code as text, a use.
unsafe class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(2 * sizeof(int));
        p[0] = 7;
        int count = p[1];
        string line = $"count={count}";
        Console.WriteLine(line.Length > 0 ? "formatted" : "empty");
        NativeMemory.Free(p);
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FormatInterpolatedUndefinedInt.cs:[[@LINE-8]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FormatInterpolatedUndefinedInt.cs:[[@LINE-13]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}FormatInterpolatedUndefinedInt.cs:[[@LINE-11]] in Program.Main()
// CHECK-NOT: formatted
