using System;
using System.Buffers.Text;
using System.Runtime.InteropServices;

// Utf8Formatter.TryFormat of an undefined value writes its digits as bytes: a use at the call.
unsafe class Program
{
    static void Main()
    {
        uint* p = (uint*)NativeMemory.Alloc(2 * sizeof(uint));
        p[1] = 9;
        uint id = p[0];
        Span<byte> digits = stackalloc byte[16];
        bool ok = Utf8Formatter.TryFormat(id, digits, out int written);
        Console.WriteLine(ok && written > 0 ? "formatted" : "empty");
        NativeMemory.Free(p);
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FormatUtf8FormatterUndefined.cs:[[@LINE-8]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}FormatUtf8FormatterUndefined.cs:[[@LINE-10]] in Program.Main()
// CHECK-NOT: formatted
