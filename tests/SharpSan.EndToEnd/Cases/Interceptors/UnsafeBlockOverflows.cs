// Unsafe.CopyBlock/CopyBlockUnaligned/InitBlock/InitBlockUnaligned, pointer and ref overloads, each
// running one byte past a 16-byte block; halt_on_error=0 reports each call site once.
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
        Unsafe.CopyBlock(small, big, 17);
        Unsafe.CopyBlock(ref big[0], ref small[0], 17);
        Unsafe.CopyBlockUnaligned(small + 1, big, 16);
        Unsafe.CopyBlockUnaligned(ref small[2], ref big[0], 15);
        Unsafe.InitBlock(small, 0xaa, 17);
        Unsafe.InitBlock(ref small[8], 0xaa, 9);
        Unsafe.InitBlockUnaligned(small + 3, 0xbb, 14);
        Unsafe.InitBlockUnaligned(ref small[15], 0xbb, 2);
        Console.WriteLine("done");
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 17 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.CompilerServices.Unsafe.CopyBlock(
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnsafeBlockOverflows.cs:[[@LINE-14]]
// CHECK-NEXT: is located 0 bytes to the right of 16-byte region
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: READ of size 17 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.CompilerServices.Unsafe.CopyBlock(
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnsafeBlockOverflows.cs:[[@LINE-18]]
// CHECK-NEXT: is located 0 bytes to the right of 16-byte region
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 16 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.CompilerServices.Unsafe.CopyBlock
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnsafeBlockOverflows.cs:[[@LINE-22]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 15 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.CompilerServices.Unsafe.CopyBlock
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnsafeBlockOverflows.cs:[[@LINE-25]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 17 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.CompilerServices.Unsafe.InitBlock(
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnsafeBlockOverflows.cs:[[@LINE-28]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 9 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.CompilerServices.Unsafe.InitBlock(
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnsafeBlockOverflows.cs:[[@LINE-31]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 14 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.CompilerServices.Unsafe.InitBlock
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnsafeBlockOverflows.cs:[[@LINE-34]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 2 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.CompilerServices.Unsafe.InitBlock
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnsafeBlockOverflows.cs:[[@LINE-37]]
// CHECK: done
// CHECK-NOT: ERROR:
