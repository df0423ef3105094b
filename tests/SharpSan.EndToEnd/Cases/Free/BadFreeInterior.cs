// Freeing a pointer into the middle of a block (a cursor instead of the block's start).
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* block = (byte*)NativeMemory.Alloc(32);
        byte* cursor = block + 8;
        NativeMemory.Free(cursor);
        Console.WriteLine("unreachable");
    }
}
// CHECK: ERROR: AddressSanitizer: attempting free on address which was not malloc()-ed: [[ADDR:0x[0-9a-f]+]] in thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BadFreeInterior.cs:[[@LINE-6]]
// CHECK: [[ADDR]] is located 8 bytes inside of 32-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BadFreeInterior.cs:[[@LINE-12]]
// CHECK: SUMMARY: AddressSanitizer: bad-free {{.*}}BadFreeInterior.cs:[[@LINE-11]] in Program.Main()
// CHECK-NOT: unreachable
