using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

// param-retval's negative twin: defined scalars (and the defined bits of a partly written word, masked) pass and
// return silently; pointers to undefined memory are defined values; an AggressiveInlining helper is inlined by
// contract, so (as with clang, which checks after inlining) an undefined value handed to it is not a report.
unsafe class Program
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Twice(int value) => value * 2;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int LowByte(int* p) => p[0] & 0xFF;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int Keep(int value) => value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Fill(int* p, int count)
    {
        for (int k = 0; k < count; k++) p[k] = k;
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(64);
        ((byte*)p)[0] = 9;
        int low = LowByte(p);
        Fill(p + 4, 4);
        int sum = Twice(p[4]) + Twice(p[7]) + Twice(low);
        Keep(p[12]);
        Console.WriteLine($"sum {sum}");
        NativeMemory.Free(p);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: sum 24
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
