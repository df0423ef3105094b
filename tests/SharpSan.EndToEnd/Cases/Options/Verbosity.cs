// verbosity=1 prints a start-up line from the runtime; the program is otherwise unaffected.
// ENV: SHARPSAN_OPTIONS=verbosity=1
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        void* p = NativeMemory.Alloc(1);
        NativeMemory.Free(p);
        Console.WriteLine("program output");
    }
}
// CHECK-NOT: ERROR:
// CHECK: =={{[0-9]+}}==SharpSan runtime {{[0-9.]+}} initialised
// CHECK: program output
// CHECK-NOT: ERROR:
