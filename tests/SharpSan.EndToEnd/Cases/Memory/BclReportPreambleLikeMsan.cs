using System;
using System.Runtime.InteropServices;

// The report starts as clang's MSan report does: its first line is the warning, with nothing (no rule, no blank
// line) between it and the program's last output.
unsafe class Program
{
    static void Main()
    {
        int* counters = (int*)NativeMemory.Alloc(4 * sizeof(int));
        counters[0] = 1;
        Console.WriteLine("before the report");
        if (counters[2] > 0) Console.WriteLine("positive");
        NativeMemory.Free(counters);
    }
}

// SANITIZE: memory
// CHECK: before the report
// CHECK-NEXT: {{^}}=={{[0-9]+}}==WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: {{^    }}#0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclReportPreambleLikeMsan.cs:[[@LINE-8]]
// CHECK: {{^  }}Uninitialized value was created by a heap allocation
// CHECK: {{^}}SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}BclReportPreambleLikeMsan.cs:[[@LINE-10]] in Program.Main()
// CHECK-NOT: positive
