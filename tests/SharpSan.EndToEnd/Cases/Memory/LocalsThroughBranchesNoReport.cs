using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static int Pick(int* p, bool first) => first ? p[0] : p[1];

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(16);
        p[0] = 3;
        p[1] = 4;
        int v = Pick(p, true) + Pick(p, false);
        int w = v > 5 ? p[0] : p[1];
        int u = p[2];          // undefined, but only stored back, never used
        p[3] = u;
        if (w == 3) Console.WriteLine($"picked {v} {w}");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: picked 7 3
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
