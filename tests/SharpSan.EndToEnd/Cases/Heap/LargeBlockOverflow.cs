// One byte past the end of a 64 MiB block.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        const int size = 64 << 20;
        byte* p = (byte*)NativeMemory.Alloc(size);
        p[size - 1] = 1;
        p[size] = 1;
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 1 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LargeBlockOverflow.cs:[[@LINE-5]]
// CHECK-NEXT: is located 0 bytes to the right of 67108864-byte region
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LargeBlockOverflow.cs:[[@LINE-9]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}LargeBlockOverflow.cs:[[@LINE-8]] in Program.Main()
