// NativeMemory.Copy (source and destination sides), Clear and Fill past the end of their blocks.
// ENV: SHARPSAN_OPTIONS=halt_on_error=0:detect_leaks=0
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* eight = (byte*)NativeMemory.AllocZeroed(8);
        byte* thirtyTwo = (byte*)NativeMemory.AllocZeroed(32);
        NativeMemory.Copy(eight, thirtyTwo, 16);
        NativeMemory.Copy(thirtyTwo, eight, 9);
        NativeMemory.Clear(thirtyTwo + 16, 17);
        NativeMemory.Fill(eight, 12, 0xff);
        Console.WriteLine("done");
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: READ of size 16 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Copy(void*, void*, nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}NativeMemoryCopyClearFillOverflows.cs:[[@LINE-10]]
// CHECK-NEXT: is located 0 bytes to the right of 8-byte region
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 9 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Copy(void*, void*, nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}NativeMemoryCopyClearFillOverflows.cs:[[@LINE-14]]
// CHECK-NEXT: is located 0 bytes to the right of 8-byte region
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 17 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Clear(void*, nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}NativeMemoryCopyClearFillOverflows.cs:[[@LINE-18]]
// CHECK-NEXT: is located 0 bytes to the right of 32-byte region
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 12 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Fill(void*, nuint, byte)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}NativeMemoryCopyClearFillOverflows.cs:[[@LINE-22]]
// CHECK-NEXT: is located 0 bytes to the right of 8-byte region
// CHECK: done
// CHECK-NOT: ERROR:
