// Slab slots hold no right redzone of their own (as in ASan): the byte past a full 32-byte chunk is the next
// slot's header. The report must still name the overflowed chunk, not its live neighbour.
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
        Console.WriteLine($"last={p[31]}");
        Console.WriteLine($"next={p[32]}");
    }
}
// CHECK: last=31
// CHECK-NOT: next=
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}OverflowIntoNeighbourSlotHeader.cs:[[@LINE-7]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes to the right of 32-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}OverflowIntoNeighbourSlotHeader.cs:[[@LINE-15]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}OverflowIntoNeighbourSlotHeader.cs:[[@LINE-11]] in Program.Main()
// CHECK-NOT: next=
