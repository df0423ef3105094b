// Parsing numbers out of a NUL-terminated UTF-8 native string, scanning exactly up to the terminator.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static long SumNumbers(byte* s)
    {
        long total = 0, current = 0;
        for (; *s != 0; s++)
        {
            if (*s >= '0' && *s <= '9') current = current * 10 + (*s - '0');
            else { total += current; current = 0; }
        }
        return total + current;
    }

    static void Main()
    {
        IntPtr text = Marshal.StringToCoTaskMemUTF8("12,7;100 a 1000");
        long sum = SumNumbers((byte*)text);
        var span = new ReadOnlySpan<byte>((void*)text, 15);
        Console.WriteLine($"sum={sum} len={span.Length} last={(char)span[^1]}");
        Marshal.FreeCoTaskMem(text);
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum=1119 len=15 last=0
// CHECK-NOT: ERROR:
