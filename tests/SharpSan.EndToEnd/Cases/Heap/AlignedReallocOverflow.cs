// AlignedRealloc to 100 bytes: index 100 is past the new size (the allocation stack is the realloc).
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.AlignedAlloc(64, 64);
        p = (byte*)NativeMemory.AlignedRealloc(p, 100, 64);
        Console.WriteLine(((nuint)p % 64) == 0 ? "aligned" : "misaligned");
        p[100] = 1;
        NativeMemory.AlignedFree(p);
    }
}
// CHECK: aligned
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 1 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}AlignedReallocOverflow.cs:[[@LINE-7]]
// CHECK-NEXT: is located 0 bytes to the right of 100-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.AlignedRealloc(void*, nuint, nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}AlignedReallocOverflow.cs:[[@LINE-13]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}AlignedReallocOverflow.cs:[[@LINE-12]] in Program.Main()
