using System;
using System.Runtime.InteropServices;

// string.Format with four arguments goes through its params overload: the undefined value is boxed into the arguments
// array (or span) the compiler builds for the call, not straight into the call. Still a use at the call.
unsafe class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(4 * sizeof(int));
        p[0] = 1; p[1] = 2; p[3] = 4;
        int a = p[0], b = p[1], c = p[2], d = p[3];
        string text = string.Format("{0} {1} {2} {3}", a, b, c, d);
        Console.WriteLine(text.Length > 0 ? "formatted" : "empty");
        NativeMemory.Free(p);
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FormatParamsArrayUndefined.cs:[[@LINE-8]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}FormatParamsArrayUndefined.cs:[[@LINE-10]] in Program.Main()
// CHECK-NOT: formatted
