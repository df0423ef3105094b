// p[2] is checked, then p may be pointed at a shorter block: the second p[2] is a different address and is checked
// again — on the reassigned path it reads one past the 8-byte block and is reported at its own line.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Follow(int* p, int* q, bool move)
    {
        int a = p[2];
        if (move) p = q;
        return a + p[2];
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.AllocZeroed(4 * sizeof(int));
        int* q = (int*)NativeMemory.AllocZeroed(2 * sizeof(int));
        Console.WriteLine($"stay {Follow(p, q, false)}, first bad 0x{(nuint)(q + 2):x}");
        Console.WriteLine(Follow(p, q, true));
        Console.WriteLine("not reached");
    }
}
// CHECK: stay 0, first bad [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Follow(int*, int*, bool) {{.*}}ReassignedBase.cs:[[@LINE-15]]
// CHECK: [[ADDR]] is located 0 bytes to the right of 8-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}ReassignedBase.cs:[[@LINE-17]] in Program.Follow(int*, int*, bool)
// CHECK-NOT: not reached
// OPTIMIZE: true
