// An [InlineArray] local (nothing around it) written one element past its end with Unsafe.Add: the write would
// land in the CLR frame beyond the variable — stack-buffer-overflow, found from the metadata (CLR locals have no
// shadow redzones).
using System;
using System.Runtime.CompilerServices;

namespace Demo;

[InlineArray(4)]
struct Ring { long _element0; }

static class Program
{
    static long Fill(int n)
    {
        Ring ring = default;
        for (int i = 0; i < n; i++) Unsafe.Add(ref ring[0], i) = i;
        return ring[3];
    }

    static void Main()
    {
        Console.WriteLine($"last {Fill(4)}");
        Console.WriteLine($"last {Fill(5)}");
        Console.WriteLine("not reached");
    }
}
// CHECK: last 3
// CHECK: ERROR: AddressSanitizer: stack-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 8 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Fill(int) {{.*}}InlineArrayLocalPastEnd.cs:[[@LINE-14]]
// CHECK: [[ADDR]] is located 0 bytes to the right of local variable 'ring' ({{0x[0-9a-f]+}}) of size 32 in frame #0
// CHECK-NEXT: the address was derived from 32-byte inline array 'ring'
// CHECK: SUMMARY: AddressSanitizer: stack-buffer-overflow {{.*}}InlineArrayLocalPastEnd.cs:[[@LINE-17]] in Demo.Program.Fill(int)
// CHECK-NOT: not reached
