// MemoryMarshal.CreateReadOnlySpan(ref p[1], 4) of ints over a 16-byte block: 4 bytes past its end.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.AllocZeroed(16);
        ReadOnlySpan<int> tail = MemoryMarshal.CreateReadOnlySpan(ref p[1], 4);
        Console.WriteLine(tail[0]);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 16 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan<T>(ref readonly T, int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MemoryMarshalCreateReadOnlySpanOverflow.cs:[[@LINE-7]]
// CHECK-NEXT: is located 0 bytes to the right of 16-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}MemoryMarshalCreateReadOnlySpanOverflow.cs:[[@LINE-9]] in Program.Main()
