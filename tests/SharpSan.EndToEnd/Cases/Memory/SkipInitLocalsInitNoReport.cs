using System;
using System.Runtime.CompilerServices;

// SkipInit's negative twins: under localsinit (C#'s default) the skipped local is zero; without it, a local written
// on every path before its use is defined.
class Program
{
    static int Zeroed()
    {
        Unsafe.SkipInit(out int value);
        return value == 0 ? 1 : 0;
    }

    [SkipLocalsInit]
    static int WrittenFirst(int seed)
    {
        Unsafe.SkipInit(out int value);
        value = seed * 2;
        if (value > 4) return 1;
        return 0;
    }

    static void Main()
    {
        Console.WriteLine($"zeroed {Zeroed()} written {WrittenFirst(3)}");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: zeroed 1 written 1
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
