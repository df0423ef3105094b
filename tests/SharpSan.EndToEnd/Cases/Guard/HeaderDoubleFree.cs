// Guard mode, unsampled block: the chunk header's state catches the second free, reported with the free's stack.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Release(byte* p) => NativeMemory.Free(p);

    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(40);
        p[0] = 1;
        Release(p);
        Release(p);
        Console.WriteLine("not reached");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=0
// CHECK: ERROR: AddressSanitizer: attempting double-free on 0x{{[0-9a-f]+}} in thread T0:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Release(byte*) {{.*}}HeaderDoubleFree.cs:[[@LINE-15]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HeaderDoubleFree.cs:[[@LINE-9]]
// CHECK: Found by SharpSan's guard allocator (--sanitize guard) at this free.
// CHECK-NEXT: is located 0 bytes inside of 40-byte region {{.*}}, already freed
// CHECK: SUMMARY: AddressSanitizer: double-free {{.*}}HeaderDoubleFree.cs:[[@LINE-19]] in Program.Release(byte*)
// CHECK-NOT: not reached
