// An int read at offset 10 of a 13-byte block covers bytes 10..13: its last byte is out of bounds.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.AllocZeroed(13);
        Console.WriteLine($"ok={*(int*)(p + 9)}");
        Console.WriteLine($"bad={*(int*)(p + 10)}");
    }
}
// CHECK: ok=0
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PartialGranuleWideRead.cs:[[@LINE-6]]
// CHECK-NEXT: is located 0 bytes to the right of 13-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}PartialGranuleWideRead.cs:[[@LINE-8]] in Program.Main()
// CHECK-NOT: bad=
