// Realloc always moves the block, so the stale pointer is a use-after-free even when growing "in place" would fit.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* buffer = (byte*)NativeMemory.Alloc(16);
        byte* old = buffer;
        buffer = (byte*)NativeMemory.Realloc(buffer, 32);
        buffer[20] = 1;
        Console.WriteLine(old[0]);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address
// CHECK-NEXT: READ of size 1 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterRealloc.cs:[[@LINE-5]]
// CHECK-NEXT: is located 0 bytes inside of 16-byte region
// CHECK-NEXT: freed by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Realloc(void*, nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterRealloc.cs:[[@LINE-11]]
// CHECK: previously allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterRealloc.cs:[[@LINE-16]]
// CHECK: SUMMARY: AddressSanitizer: heap-use-after-free {{.*}}UseAfterRealloc.cs:[[@LINE-13]] in Program.Main()
