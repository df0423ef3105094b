// Walking a buffer exactly to its end, forwards and backwards, touches only its own bytes.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        const int n = 37;
        byte* p = (byte*)NativeMemory.Alloc(n);
        for (byte* q = p; q < p + n; q++) *q = 1;
        long sum = 0;
        for (byte* q = p + n - 1; q >= p; q--) sum += *q;
        NativeMemory.Free(p);
        Console.WriteLine($"sum={sum}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum=37
// CHECK-NOT: ERROR:
