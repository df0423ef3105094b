// redzone=256: an access 200 bytes past a small block still lands in its redzone and is described as such.
// ENV: SHARPSAN_OPTIONS=redzone=256
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(24);
        byte* q = (byte*)NativeMemory.Alloc(24);
        p[224] = 1;
        NativeMemory.Free(q);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 1 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}RedzoneOption.cs:[[@LINE-6]]
// CHECK-NEXT: is located 200 bytes to the right of 24-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}RedzoneOption.cs:[[@LINE-12]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}RedzoneOption.cs:[[@LINE-11]] in Program.Main()
