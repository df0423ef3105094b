using System;
using System.Runtime.InteropServices;

// ToString() of an undefined primitive is a use, as MSan reports printf("%d") of one.
unsafe class Program
{
    static void Main()
    {
        long* p = (long*)NativeMemory.Alloc(2 * sizeof(long));
        p[1] = 3;
        long total = p[0] + p[1];
        string text = total.ToString();
        Console.WriteLine(text.Length > 0 ? "formatted" : "empty");
        NativeMemory.Free(p);
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FormatToStringOfUndefined.cs:[[@LINE-8]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FormatToStringOfUndefined.cs:[[@LINE-13]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}FormatToStringOfUndefined.cs:[[@LINE-11]] in Program.Main()
// CHECK-NOT: formatted
