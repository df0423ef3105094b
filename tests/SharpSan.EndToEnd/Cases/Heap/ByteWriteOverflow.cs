// A byte store one past the end of a 10-byte block (not a multiple of the 8-byte granule).
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(10);
        for (int i = 0; i < 10; i++) p[i] = (byte)i;
        Console.WriteLine("filled");
        p[10] = 0xff;
        // CHECK: filled
        // CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
        // CHECK-NEXT: WRITE of size 1 at [[ADDR]] thread T0
        // CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ByteWriteOverflow.cs:[[@LINE-4]]
        // CHECK-NEXT: [[ADDR]] is located 0 bytes to the right of 10-byte region
        // CHECK-NEXT: allocated by thread T0 here:
        // CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
        // CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ByteWriteOverflow.cs:[[@LINE-11]]
        // CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}ByteWriteOverflow.cs:[[@LINE-9]] in Program.Main()
        // CHECK-NOT: freed
        NativeMemory.Free(p);
    }
}
