using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

// Four and more defined arguments through the params overloads, and an undefined value boxed into an object array
// that is built the same way but only counted, never formatted: no report.
unsafe class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(6 * sizeof(int));
        for (int i = 0; i < 4; i++) p[i] = i + 1;
        string text = string.Format("{0} {1} {2} {3}", p[0], p[1], p[2], p[3]);
        Console.WriteLine("{0}|{1}|{2}|{3}|{4}", text, p[0], p[1], p[2], p[3]);
        var kept = new List<object>(new object[] { p[0], p[1], p[4], p[3] });
        Console.WriteLine($"kept={kept.Count}");
        NativeMemory.Free(p);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: 1 2 3 4|1|2|3|4
// CHECK: kept=4
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
