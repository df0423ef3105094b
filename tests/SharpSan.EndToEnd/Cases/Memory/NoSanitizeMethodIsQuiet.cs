using System;
using System.Runtime.InteropServices;
using SharpSan.Annotations;

unsafe class Program
{
    [NoSanitize]
    static bool Probe(int* p)
    {
        if (*p > 5) Console.WriteLine("big");
        return true;
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(8);
        Console.WriteLine(Probe(p) ? "probed zero" : "probed other");
        Console.WriteLine("finished");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: finished
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
