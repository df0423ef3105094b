// The byte just before a chunk is in its own left redzone, 15 bytes past the end of the full 32-byte chunk in the
// slot before it: the report names the nearer chunk (ASan's rule), "1 bytes to the left of" the underflowed one.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        var blocks = new byte*[8];
        for (int i = 0; i < blocks.Length; i++)
        {
            blocks[i] = (byte*)NativeMemory.Alloc(32);
            for (int j = 0; j < 32; j++) blocks[i][j] = (byte)j;
        }
        byte* p = blocks[4];
        Console.WriteLine($"first={p[0]}");
        Console.WriteLine($"before={p[-1]}");
    }
}
// CHECK: first=0
// CHECK-NOT: before=
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnderflowBesideFullNeighbour.cs:[[@LINE-7]]
// CHECK-NEXT: [[ADDR]] is located 1 bytes to the left of 32-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnderflowBesideFullNeighbour.cs:[[@LINE-15]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}UnderflowBesideFullNeighbour.cs:[[@LINE-11]] in Program.Main()
// CHECK-NOT: before=
