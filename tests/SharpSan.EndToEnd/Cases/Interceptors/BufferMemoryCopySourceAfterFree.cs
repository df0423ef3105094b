// Buffer.MemoryCopy (ulong overload) reading from a source that was already freed.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void CopyOut(byte* from, byte* to, ulong n)
    {
        Buffer.MemoryCopy(from, to, n, n);
    }

    static void Main()
    {
        byte* source = (byte*)Marshal.AllocHGlobal(32);
        byte* destination = (byte*)Marshal.AllocHGlobal(32);
        Marshal.FreeHGlobal((IntPtr)source);
        CopyOut(source, destination, 8);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address
// CHECK-NEXT: READ of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffer.MemoryCopy(void*, void*, ulong, ulong)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.CopyOut(byte*, byte*, ulong) {{.*}}BufferMemoryCopySourceAfterFree.cs:[[@LINE-14]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BufferMemoryCopySourceAfterFree.cs:[[@LINE-7]]
// CHECK-NEXT: is located 0 bytes inside of 32-byte region
// CHECK-NEXT: freed by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.FreeHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BufferMemoryCopySourceAfterFree.cs:[[@LINE-12]]
// CHECK: previously allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.AllocHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BufferMemoryCopySourceAfterFree.cs:[[@LINE-17]]
// CHECK: SUMMARY: AddressSanitizer: heap-use-after-free {{.*}}BufferMemoryCopySourceAfterFree.cs:[[@LINE-23]] in Program.CopyOut(byte*, byte*, ulong)
