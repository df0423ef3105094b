// A `*q++ = *p++` copy loop counted by its index is versioned: one range check of each pointer's bytes at entry. The
// good copies run the unchecked copy; the bad one writes one byte past the 20-byte destination on its last iteration,
// and the checked original reports exactly that write (the first bad iteration), at the copy's line.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Copy(byte* q, byte* p, int n)
    {
        for (int k = 0; k < n; k++)
            *q++ = *p++;
    }

    static void Main()
    {
        byte* src = (byte*)NativeMemory.Alloc(40);
        byte* dst = (byte*)NativeMemory.Alloc(20);
        for (int i = 0; i < 40; i++) src[i] = (byte)i;
        for (int round = 0; round < 100; round++) Copy(dst, src + round % 8, 20);
        Copy(dst, src, 0);
        Console.WriteLine($"copied {dst[0]} {dst[19]}");
        Console.WriteLine($"first bad 0x{(nuint)(dst + 20):x}");
        Copy(dst, src, 21);
        Console.WriteLine("not reached");
    }
}
// CHECK: copied 3 22
// CHECK-NEXT: first bad [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR]]
// CHECK-NEXT: WRITE of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Copy(byte*, byte*, int) {{.*}}BumpCopyOverflow.cs:[[@LINE-20]]
// CHECK: [[ADDR]] is located 0 bytes to the right of 20-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}BumpCopyOverflow.cs:[[@LINE-22]] in Program.Copy(byte*, byte*, int)
// CHECK-NOT: not reached
// OPTIMIZE: true
