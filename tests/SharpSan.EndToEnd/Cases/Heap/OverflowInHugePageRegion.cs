// An overflow in a chunk of a hot size class: past 2 MiB of carved slots a class is served from huge-page
// regions, whose redzones must be poisoned like the first regions'. 100,000 chunks of 40 bytes (8 MB of slots).
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    const int Count = 100_000;

    static void Main()
    {
        byte** chunks = (byte**)NativeMemory.Alloc(Count, (nuint)sizeof(byte*));
        for (int i = 0; i < Count; i++) chunks[i] = (byte*)NativeMemory.Alloc(40);
        byte* last = chunks[Count - 1];
        last[39] = 1;
        last[40] = 2;
        for (int i = 0; i < Count; i++) NativeMemory.Free(chunks[i]);
        NativeMemory.Free(chunks);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}OverflowInHugePageRegion.cs:[[@LINE-7]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes to the right of 40-byte region
// CHECK: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}OverflowInHugePageRegion.cs:[[@LINE-14]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}OverflowInHugePageRegion.cs:[[@LINE-12]] in Program.Main()
