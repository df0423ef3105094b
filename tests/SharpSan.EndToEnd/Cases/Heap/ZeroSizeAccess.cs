// Reading the first byte of a zero-byte allocation: 0 bytes to the right of a 0-byte region.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(0);
        Console.WriteLine(p != null ? "non-null" : "null");
        Console.WriteLine(p[0]);
    }
}
// CHECK: non-null
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 1 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ZeroSizeAccess.cs:[[@LINE-6]]
// CHECK-NEXT: is located 0 bytes to the right of 0-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}ZeroSizeAccess.cs:[[@LINE-8]] in Program.Main()
