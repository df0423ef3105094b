using System;
using System.Runtime.InteropServices;

// string.Format with an undefined primitive boxed straight into its argument: a use at the call.
unsafe class Program
{
    static void Main()
    {
        short* p = (short*)NativeMemory.Alloc(4 * sizeof(short));
        p[0] = 1;
        short level = p[2];
        string text = string.Format("level {0}", level);
        Console.WriteLine(text.Length > 0 ? "formatted" : "empty");
        NativeMemory.Free(p);
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FormatStringFormatBoxed.cs:[[@LINE-8]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}FormatStringFormatBoxed.cs:[[@LINE-10]] in Program.Main()
// CHECK-NOT: formatted
