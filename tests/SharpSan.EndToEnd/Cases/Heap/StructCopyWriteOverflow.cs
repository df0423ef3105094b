// *p = s stores a 24-byte struct into a 16-byte block: the copy runs 8 bytes off the end.
using System;
using System.Runtime.InteropServices;

struct Triple { public long A, B, C; }

static unsafe class Program
{
    static void Main()
    {
        var t = new Triple { A = 1, B = 2, C = 3 };
        Triple* p = (Triple*)NativeMemory.Alloc(16);
        *p = t;
        Console.WriteLine(p->A);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 24 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructCopyWriteOverflow.cs:[[@LINE-6]]
// CHECK-NEXT: is located 0 bytes to the right of 16-byte region [[[ADDR]],
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructCopyWriteOverflow.cs:[[@LINE-9]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}StructCopyWriteOverflow.cs:[[@LINE-9]] in Program.Main()
