// An overflow inside a generic method, instantiated over a struct type.
using System;
using System.Runtime.InteropServices;

struct Pixel { public byte R, G, B, A; }

static unsafe class Program
{
    static void Clear<T>(T* items, int count) where T : unmanaged
    {
        for (int i = 0; i <= count; i++)
            items[i] = default;
    }

    static void Main()
    {
        Pixel* pixels = (Pixel*)NativeMemory.Alloc((nuint)(6 * sizeof(Pixel)));
        Clear(pixels, 6);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Clear<T>(T*, int) {{.*}}OverflowInGenericMethod.cs:[[@LINE-11]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}OverflowInGenericMethod.cs:[[@LINE-6]]
// CHECK-NEXT: is located 0 bytes to the right of 24-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}OverflowInGenericMethod.cs:[[@LINE-14]] in Program.Clear<T>(T*, int)
