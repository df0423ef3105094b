// A use after free of a chunk from a huge-page region (its class has carved more than 2 MiB): the freed bytes
// are poisoned and the free and allocation stacks are kept, as in the first small regions.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    const int Count = 100_000;

    static void Release(long* p) => NativeMemory.Free(p);

    static void Main()
    {
        long** chunks = (long**)NativeMemory.Alloc(Count, (nuint)sizeof(long*));
        for (int i = 0; i < Count; i++) chunks[i] = (long*)NativeMemory.Alloc(40);
        long* last = chunks[Count - 1];
        for (int i = 0; i < Count; i++) Release(chunks[i]);
        Console.WriteLine(last[2]);
        NativeMemory.Free(chunks);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 8 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterFreeInHugePageRegion.cs:[[@LINE-6]]
// CHECK-NEXT: [[ADDR]] is located 16 bytes inside of 40-byte region
// CHECK-NEXT: freed by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Release(long*) {{.*}}UseAfterFreeInHugePageRegion.cs:[[@LINE-18]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterFreeInHugePageRegion.cs:[[@LINE-12]]
// CHECK: previously allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterFreeInHugePageRegion.cs:[[@LINE-17]]
// CHECK: SUMMARY: AddressSanitizer: heap-use-after-free {{.*}}UseAfterFreeInHugePageRegion.cs:[[@LINE-15]] in Program.Main()
