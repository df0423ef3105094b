// Twin of LeafHelperOverflowOptimized: the same inlinable leaf helpers (reads, writes, a throwing argument check)
// used in bounds, many times, with the exceptions they throw caught by the caller: nothing to report.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

static unsafe class Program
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static uint Read32(byte* p) => *(uint*)p;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Write32(byte* p, uint value) => *(uint*)p = value;

    static uint Checked(byte* p, int i, int length)
    {
        if (i > length - 4) throw new ArgumentOutOfRangeException(nameof(i));
        return *(uint*)(p + i);
    }

    static ulong Sum(byte* data, int length)
    {
        ulong sum = 0;
        for (int i = 0; i <= length - 4; i += 2) sum += Read32(data + i);
        return sum;
    }

    static void Main()
    {
        byte* data = (byte*)NativeMemory.AllocZeroed(64);
        for (int i = 0; i <= 60; i += 4) Write32(data + i, (uint)i);
        ulong total = 0;
        int thrown = 0;
        for (int round = 0; round < 1000; round++)
        {
            total += Sum(data, 64);
            try { total += Checked(data, round % 70, 64); }
            catch (ArgumentOutOfRangeException) { thrown++; }
        }
        Console.WriteLine($"total {total} thrown {thrown}");
        NativeMemory.Free(data);
    }
}
// CHECK-NOT: ERROR:
// CHECK: total {{[0-9]+}} thrown {{[1-9][0-9]*}}
// CHECK-NOT: ERROR:
// OPTIMIZE: true
