// An instance method of a struct called on an element past the end of a native array: `this` points
// outside the block, so the field read inside the method is the bad access.
using System;
using System.Runtime.InteropServices;

struct Counter
{
    public int Value;

    public void Increment()
    {
        Value++;
    }
}

static unsafe class Program
{
    static void Main()
    {
        Counter* counters = (Counter*)NativeMemory.AllocZeroed(2, (nuint)sizeof(Counter));
        counters[0].Increment();
        counters[1].Increment();
        counters[2].Increment();
        Console.WriteLine("unreachable");
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Counter.Increment() {{.*}}OverflowInStructMethod.cs:[[@LINE-17]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}OverflowInStructMethod.cs:[[@LINE-7]]
// CHECK-NEXT: is located 0 bytes to the right of 8-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}OverflowInStructMethod.cs:[[@LINE-20]] in Counter.Increment()
// CHECK-NOT: unreachable
