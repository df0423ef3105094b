using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;

// Formatting defined values, a value whose undefined bits are masked off, and an undefined value boxed into a list
// that is never formatted: no report.
unsafe class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(4 * sizeof(int));
        p[0] = 41;
        int a = p[0] + 1;
        var sb = new StringBuilder();
        sb.Append(a).Append(' ').Append(a.ToString()).Append(' ').Append(string.Format("{0}", a));
        Span<byte> digits = stackalloc byte[16];
        Utf8Formatter.TryFormat(a, digits, out int written);
        ((byte*)p)[4] = 5;                      // only the low byte of p[1] is written
        int low = p[1] & 0xFF;
        var kept = new List<object> { p[2] };   // boxed undefined, never formatted
        Console.WriteLine($"{sb} {written} low={low} kept={kept.Count}");
        NativeMemory.Free(p);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: 42 42 42 2 low=5 kept=1
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
