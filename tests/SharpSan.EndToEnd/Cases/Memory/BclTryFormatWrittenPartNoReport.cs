using System;
using System.Runtime.CompilerServices;

class Program
{
    [SkipLocalsInit]
    static int Digits(int value)
    {
        Span<char> text = stackalloc char[16];
        value.TryFormat(text, out int written);
        int digits = 0;
        for (int i = 0; i < written; i++)
            if (text[i] >= '0' && text[i] <= '9') digits++;
        return digits;
    }

    static void Main()
    {
        Console.WriteLine($"digits {Digits(4096)}");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: digits 4
// CHECK-NOT: ERROR:
