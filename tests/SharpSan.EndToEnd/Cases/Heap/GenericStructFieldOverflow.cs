// Fields of a generic struct read through a pointer are checked with the size of the instantiated field type
// (Pair<long>.Second is 8 bytes): the second element of a one-element buffer overflows.
using System;
using System.Runtime.InteropServices;

struct Pair<T> where T : unmanaged
{
    public T First;
    public T Second;
}

static unsafe class Program
{
    static long SumSeconds(Pair<long>* pairs, int count)
    {
        long sum = 0;
        for (int i = 0; i < count; i++) sum += pairs[i].Second;
        return sum;
    }

    static void Main()
    {
        var pairs = (Pair<long>*)NativeMemory.Alloc((nuint)sizeof(Pair<long>));
        pairs->First = 1;
        pairs->Second = 2;
        Console.WriteLine(SumSeconds(pairs, 1));
        Console.WriteLine(SumSeconds(pairs, 2));
    }
}
// CHECK: 2
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: READ of size 8 at {{0x[0-9a-f]+}} thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.SumSeconds(Pair<long>*, int) {{.*}}GenericStructFieldOverflow.cs:[[@LINE-16]]
// CHECK: is located 8 bytes to the right of 16-byte region
