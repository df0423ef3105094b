// Freeing a pointer 16 bytes before a block (into its left redzone): not a pointer any allocator returned.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(32);
        NativeMemory.Free(p - 16);
        Console.WriteLine("unreachable");
    }
}
// CHECK: ERROR: AddressSanitizer: attempting free on address which was not malloc()-ed: [[ADDR:0x[0-9a-f]+]] in thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BadFreeIntoRedzone.cs:[[@LINE-6]]
// CHECK: [[ADDR]] is located 16 bytes to the left of 32-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BadFreeIntoRedzone.cs:[[@LINE-11]]
// CHECK: SUMMARY: AddressSanitizer: bad-free {{.*}}BadFreeIntoRedzone.cs:[[@LINE-11]] in Program.Main()
// CHECK-NOT: unreachable
