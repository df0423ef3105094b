// A 4096-aligned block of 4000 bytes, written one int past its end.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        int* page = (int*)NativeMemory.AlignedAlloc(4000, 4096);
        Console.WriteLine(((nuint)page & 4095) == 0 ? "page-aligned" : "misaligned");
        for (int i = 0; i <= 1000; i++) page[i] = i;
    }
}
// CHECK: page-aligned
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}AlignedAllocOverflow.cs:[[@LINE-6]]
// CHECK-NEXT: is located 0 bytes to the right of 4000-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.AlignedAlloc(nuint, nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}AlignedAllocOverflow.cs:[[@LINE-12]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}AlignedAllocOverflow.cs:[[@LINE-11]] in Program.Main()
