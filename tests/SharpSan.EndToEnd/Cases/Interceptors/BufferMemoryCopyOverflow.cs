// Buffer.MemoryCopy told the destination holds 32 bytes when it holds 16: the copy of 20 overflows it.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* source = (byte*)NativeMemory.AllocZeroed(64);
        byte* destination = (byte*)NativeMemory.Alloc(16);
        Buffer.MemoryCopy(source, destination, 32, 20);
        Console.WriteLine("unreachable");
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 20 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffer.MemoryCopy(void*, void*, long, long)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BufferMemoryCopyOverflow.cs:[[@LINE-7]]
// CHECK-NEXT: is located 0 bytes to the right of 16-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BufferMemoryCopyOverflow.cs:[[@LINE-12]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}BufferMemoryCopyOverflow.cs:[[@LINE-12]] in Program.Main()
// CHECK-NOT: unreachable
