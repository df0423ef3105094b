// MemoryMarshal.CreateSpan(ref *p, 3) of longs over a 16-byte native block.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        long* p = (long*)NativeMemory.Alloc(16);
        Span<long> span = MemoryMarshal.CreateSpan(ref *p, 3);
        span.Clear();
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 24 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.MemoryMarshal.CreateSpan<T>(ref T, int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MemoryMarshalCreateSpanOverflow.cs:[[@LINE-7]]
// CHECK-NEXT: is located 0 bytes to the right of 16-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}MemoryMarshalCreateSpanOverflow.cs:[[@LINE-9]] in Program.Main()
