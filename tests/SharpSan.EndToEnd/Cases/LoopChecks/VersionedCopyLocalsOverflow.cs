// The unchecked copy of a versioned loop runs on fresh locals and writes back what it changed: here the copy finds
// the first zero (a break) and the index it leaves is used after the loop. The write after it, p[end + 1], is one
// int past the 16-int block only if the copy's index came back right: a 4-byte write 0 bytes right of the block.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static nuint ZeroAt(int* p, nuint n)
    {
        nuint i;
        for (i = 0; i < n; i++)
            if (p[i] == 0) break;
        return i;
    }

    static void MarkAfterZero(int* p, nuint n)
    {
        nuint end = ZeroAt(p, n);
        Console.WriteLine($"zero at {end}");
        p[end + 1] = -1;
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(16 * sizeof(int));
        for (int i = 0; i < 16; i++) p[i] = i == 9 ? 0 : i + 1;
        MarkAfterZero(p, 16);
        Console.WriteLine($"marked {p[10]}");
        p[9] = 5;
        p[15] = 0;
        Console.WriteLine($"first bad 0x{(nuint)(p + 16):x}");
        MarkAfterZero(p, 16);
        Console.WriteLine("not reached");
    }
}
// CHECK: zero at 9
// CHECK-NEXT: marked -1
// CHECK-NEXT: first bad [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: zero at 15
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR]]
// CHECK-NEXT: WRITE of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.MarkAfterZero(int*, nuint) {{.*}}VersionedCopyLocalsOverflow.cs:[[@LINE-22]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}VersionedCopyLocalsOverflow.cs:[[@LINE-11]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes to the right of 64-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}VersionedCopyLocalsOverflow.cs:[[@LINE-25]] in Program.MarkAfterZero(int*, nuint)
// CHECK-NOT: not reached
// OPTIMIZE: true
