using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

// param-retval: an undefined scalar returned is reported at the return, in the returning method, even when the
// caller drops it.
unsafe class Program
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Second(int* p) => p[1];

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(16);
        Second(p);
        Console.WriteLine("done");
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Second(int*) {{.*}}ParamUndefinedReturned.cs:[[@LINE-12]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ParamUndefinedReturned.cs:[[@LINE-8]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NOT: done
