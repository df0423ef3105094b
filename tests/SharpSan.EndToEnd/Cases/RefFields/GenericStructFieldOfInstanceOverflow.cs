// A generic struct's field whose type is itself an instantiation over the struct's parameter (KeyValuePair<T, int>
// in Slot<long>: 16 bytes) read through a pointer one slot past a native block: heap-buffer-overflow, READ of size 16.
// Such fields used to be left unchecked (their declared type mentions !0).
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

struct Slot<T> where T : unmanaged
{
    public KeyValuePair<T, int> Entry;
}

static unsafe class Program
{
    static long SumKeys(Slot<long>* slots, int count)
    {
        long sum = 0;
        for (int i = 0; i < count; i++)
        {
            KeyValuePair<long, int> entry = slots[i].Entry;
            sum += entry.Key;
        }
        return sum;
    }

    static void Main()
    {
        var slots = (Slot<long>*)NativeMemory.AllocZeroed((nuint)(2 * sizeof(Slot<long>)));
        slots[1].Entry = new KeyValuePair<long, int>(5, 1);
        Console.WriteLine($"sum {SumKeys(slots, 2)}");
        Console.WriteLine($"sum {SumKeys(slots, 3)}");
    }
}
// CHECK: sum 5
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: READ of size 16 at {{0x[0-9a-f]+}} thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.SumKeys(Slot<long>*, int) {{.*}}GenericStructFieldOfInstanceOverflow.cs:[[@LINE-17]]
// CHECK: is located 0 bytes to the right of 32-byte region
// CHECK-NOT: sum 5
