// Unsafe.Read of a 16-byte ref struct from a generic helper (`T : allows ref struct`) at an offset that leaves only
// 8 bytes of the native block: the call cannot go to SharpSan's interceptor (no ref struct type arguments there), so
// it is checked in place, with the size of T, and reported as a heap-buffer-overflow at the helper's line.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

ref struct Quad
{
    public int A, B, C, D;
}

static unsafe class Program
{
    static T ReadAt<T>(byte* source, int offset) where T : allows ref struct => Unsafe.Read<T>(source + offset);

    static void Main()
    {
        byte* block = (byte*)NativeMemory.AllocZeroed(24);
        Quad first = ReadAt<Quad>(block, 8);
        Console.WriteLine($"first {first.A + first.B + first.C + first.D}");
        Quad second = ReadAt<Quad>(block, 16);
        Console.WriteLine($"not reached {second.A}");
    }
}
// CHECK: first 0
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 16 at {{0x[0-9a-f]+}} thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.ReadAt<T>(byte*, int) {{.*}}UnsafeReadRefStructOverflow.cs:[[@LINE-14]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnsafeReadRefStructOverflow.cs:[[@LINE-8]]
// CHECK: is located 0 bytes to the right of 24-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}UnsafeReadRefStructOverflow.cs:[[@LINE-17]] in Program.ReadAt<T>(byte*, int)
// CHECK-NOT: not reached
