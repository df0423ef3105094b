// A 13-byte block ends inside its second 8-byte granule: byte 12 is addressable, byte 13 is not.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(13);
        for (int i = 0; i < 13; i++) p[i] = (byte)(i + 1);
        Console.WriteLine($"last={p[12]}");
        Console.WriteLine($"next={p[13]}");
    }
}
// CHECK: last=13
// CHECK-NOT: next=
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 1 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PartialGranule.cs:[[@LINE-7]]
// CHECK-NEXT: is located 0 bytes to the right of 13-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}PartialGranule.cs:[[@LINE-9]] in Program.Main()
// CHECK-NOT: next=
