using System;
using System.IO;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Legacy(int* p)
    {
        if (*p == 0) Console.WriteLine("maybe zero");
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(8);
        Legacy(p);
        Console.WriteLine("finished");
    }
}

// SANITIZE: memory
// ENV: SHARPSAN_OPTIONS=suppressions=%S/Inputs/SuppressedByPattern.supp
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: finished
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
