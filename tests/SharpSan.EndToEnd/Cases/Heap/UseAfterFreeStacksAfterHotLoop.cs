// One method allocates 2,000 blocks at one line, then one more block at another line of the same activation, which
// it frees and reads: the allocation and free stacks must name those later lines, not the hot loop's (a stack
// remembered per activation must also be keyed by the call site).
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        var blocks = new IntPtr[2000];
        for (int i = 0; i < blocks.Length; i++)
        {
            blocks[i] = (IntPtr)NativeMemory.Alloc(32);
        }
        Console.WriteLine($"allocated {blocks.Length}");
        byte* q = (byte*)NativeMemory.Alloc(32);
        q[0] = 5;
        NativeMemory.Free(q);
        Console.WriteLine(q[3]);
        foreach (var block in blocks) NativeMemory.Free((void*)block);
    }
}
// CHECK: allocated 2000
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address
// CHECK-NEXT: READ of size 1 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterFreeStacksAfterHotLoop.cs:[[@LINE-7]]
// CHECK-NEXT: is located 3 bytes inside of 32-byte region
// CHECK-NEXT: freed by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterFreeStacksAfterHotLoop.cs:[[@LINE-12]]
// CHECK: previously allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterFreeStacksAfterHotLoop.cs:[[@LINE-17]]
// CHECK: SUMMARY: AddressSanitizer: heap-use-after-free {{.*}}UseAfterFreeStacksAfterHotLoop.cs:[[@LINE-15]] in Program.Main()
