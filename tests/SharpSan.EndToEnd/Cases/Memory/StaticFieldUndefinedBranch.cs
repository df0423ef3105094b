using System;
using System.Buffers;

// A static field and a closure's captured variable (a field of a compiler-made class) carry the shadow too: a stale
// element of a rented array kept in a static, then compared in a lambda, which returns the undefined result
// (reported at its return: param-retval).
class Program
{
    static int s_threshold;

    static void Main()
    {
        int[] settings = ArrayPool<int>.Shared.Rent(16);
        settings[0] = 3;
        s_threshold = settings[5];
        int limit = s_threshold;
        Func<int, bool> above = value => value > limit;
        Console.WriteLine("configured");
        Console.WriteLine(above(10) ? "above" : "below");
    }
}

// SANITIZE: memory
// CHECK: configured
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.{{.*}}StaticFieldUndefinedBranch.cs:[[@LINE-9]]
// CHECK: Uninitialized value was created by an array rented from ArrayPool<int>.Shared.Rent(16)
// CHECK-NOT: above
// CHECK-NOT: below
