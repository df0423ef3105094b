// LeakSanitizer walks every carved slot, the huge-page regions of a hot class too: of 40,000 chunks of 40 bytes
// (3.2 MB of 80-byte slots, the last third in a huge-page region) all but the last are freed, and the last is reported.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    const int Count = 40_000;

    static byte* Make() => (byte*)NativeMemory.Alloc(40);

    static void Main()
    {
        byte** chunks = (byte**)NativeMemory.Alloc(Count, (nuint)sizeof(byte*));
        for (int i = 0; i < Count; i++) chunks[i] = Make();
        for (int i = 0; i < Count - 1; i++) NativeMemory.Free(chunks[i]);
        chunks[Count - 1][0] = 7;
        Console.WriteLine($"kept={chunks[Count - 1][0]}");
        NativeMemory.Free(chunks);
    }
}
// CHECK: kept=7
// CHECK: ERROR: LeakSanitizer: detected memory leaks
// CHECK: Direct leak of 40 byte(s) in 1 object(s) allocated from:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Make() {{.*}}LeakInHugePageRegion.cs:[[@LINE-16]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LeakInHugePageRegion.cs:[[@LINE-12]]
// CHECK: SUMMARY: AddressSanitizer: 40 byte(s) leaked in 1 allocation(s).
