// Pointer arithmetic through casts (byte* ↔ long*, nint, nuint), pointer differences, one-past-the-end
// pointers compared but never dereferenced.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        const int n = 64;
        byte* start = (byte*)NativeMemory.AllocZeroed(n);
        byte* end = start + n;
        long* words = (long*)start;
        for (long* w = words; w < (long*)end; w++) *w = 0x0101010101010101;
        nint address = (nint)start + 8;
        *(int*)(address + 4) = 5;
        nuint last = (nuint)end - 1;
        *(byte*)last = 9;
        long distance = end - start;
        ushort* halves = (ushort*)(start + n / 2);
        halves[n / 4 - 1] = 0x0202;
        int sum = 0;
        for (byte* q = end; q != start; ) sum += *--q;
        Console.WriteLine($"distance={distance} sum={sum}");
        NativeMemory.Free(start);
    }
}
// CHECK-NOT: ERROR:
// CHECK: distance=64 sum=
// CHECK-NOT: ERROR:
