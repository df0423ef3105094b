// One method allocates and frees a block 2,000 times at one pair of lines, then allocates, frees and reads another
// block at other lines of the same activation: the free and allocation stacks must name those later lines, not the
// hot loop's (a stack remembered per activation must also be keyed by the call site).
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        long sum = 0;
        for (int i = 0; i < 2000; i++)
        {
            byte* p = (byte*)NativeMemory.Alloc(32);
            p[i % 32] = 1;
            sum += p[i % 32];
            NativeMemory.Free(p);
        }
        Console.WriteLine($"sum {sum}");
        byte* q = (byte*)NativeMemory.Alloc(32);
        q[0] = 5;
        NativeMemory.Free(q);
        Console.WriteLine(q[3]);
    }
}
// CHECK: sum 2000
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address
// CHECK-NEXT: READ of size 1 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterFreeStacksAfterHotLoop.cs:[[@LINE-6]]
// CHECK-NEXT: is located 3 bytes inside of 32-byte region
// CHECK-NEXT: freed by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterFreeStacksAfterHotLoop.cs:[[@LINE-11]]
// CHECK: previously allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterFreeStacksAfterHotLoop.cs:[[@LINE-17]]
// CHECK: SUMMARY: AddressSanitizer: heap-use-after-free {{.*}}UseAfterFreeStacksAfterHotLoop.cs:[[@LINE-15]] in Program.Main()
