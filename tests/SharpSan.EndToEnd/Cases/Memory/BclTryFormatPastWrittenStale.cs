using System;
using System.Runtime.CompilerServices;

// int.TryFormat defines the chars it wrote (charsWritten), not the rest of a [SkipLocalsInit] stack buffer.
class Program
{
    [SkipLocalsInit]
    static int Digits(int value)
    {
        Span<char> text = stackalloc char[16];
        value.TryFormat(text, out int written);
        int digits = 0;
        for (int i = 0; i <= written; i++)
            if (text[i] >= '0' && text[i] <= '9') digits++;
        return digits;
    }

    static void Main()
    {
        Console.WriteLine($"digits {Digits(4096)}");
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK: #{{[0-9]}} 0x{{[0-9a-f]+}} in Program.Digits(int) {{.*}}BclTryFormatPastWrittenStale.cs:[[@LINE-12]]
// CHECK: Uninitialized value was created by an allocation of 'stackalloc at IL_{{[0-9a-f]+}}' in the stack frame of function 'Program.Digits(int)'
// CHECK-NOT: digits
