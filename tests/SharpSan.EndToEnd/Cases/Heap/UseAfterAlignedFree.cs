// A read from a 64-byte-aligned block after NativeMemory.AlignedFree.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        float* v = (float*)NativeMemory.AlignedAlloc(256, 64);
        v[10] = 1;
        NativeMemory.AlignedFree(v);
        Console.WriteLine(v[10]);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address
// CHECK-NEXT: READ of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterAlignedFree.cs:[[@LINE-5]]
// CHECK-NEXT: is located 40 bytes inside of 256-byte region
// CHECK-NEXT: freed by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.AlignedFree(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterAlignedFree.cs:[[@LINE-10]]
// CHECK: previously allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.AlignedAlloc(nuint, nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterAlignedFree.cs:[[@LINE-15]]
// CHECK: SUMMARY: AddressSanitizer: heap-use-after-free {{.*}}UseAfterAlignedFree.cs:[[@LINE-13]] in Program.Main()
