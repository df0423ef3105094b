// A 4-byte read checked at p covers a later 4-byte read at p, not an 8-byte one: the 8-byte read of a 4-byte block
// runs past its end and is reported, with its size, at its own line.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static long Read(byte* p, bool wide)
    {
        int low = *(int*)p;
        if (wide) return *(long*)p;
        return low + *(int*)p;
    }

    static void Main()
    {
        byte* p = (byte*)NativeMemory.AllocZeroed(4);
        Console.WriteLine($"narrow {Read(p, false)} at 0x{(nuint)p:x}");
        Console.WriteLine(Read(p, true));
        Console.WriteLine("not reached");
    }
}
// CHECK: narrow 0 at [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR]]
// CHECK-NEXT: READ of size 8 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Read(byte*, bool) {{.*}}NarrowDoesNotCoverWide.cs:[[@LINE-15]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}NarrowDoesNotCoverWide.cs:[[@LINE-16]] in Program.Read(byte*, bool)
// CHECK-NOT: not reached
// OPTIMIZE: true
