// Frame #0 names the Unaligned variants of the block APIs when those are the ones called.
// ENV: SHARPSAN_OPTIONS=halt_on_error=0:detect_leaks=0
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* big = (byte*)NativeMemory.AllocZeroed(64);
        byte* small = (byte*)NativeMemory.AllocZeroed(16);
        Unsafe.CopyBlockUnaligned(small + 1, big, 16);
        Unsafe.InitBlockUnaligned(small + 3, 0xbb, 14);
        Console.WriteLine("done");
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 16 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.CompilerServices.Unsafe.CopyBlockUnaligned(void*, void*, uint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnsafeBlockFrameNames.cs:[[@LINE-8]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 14 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.CompilerServices.Unsafe.InitBlockUnaligned(void*, byte, uint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnsafeBlockFrameNames.cs:[[@LINE-11]]
// CHECK: done
