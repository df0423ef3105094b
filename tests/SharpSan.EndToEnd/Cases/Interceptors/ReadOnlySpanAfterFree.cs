// new ReadOnlySpan<byte>(p, 8) over a block freed just before.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(8);
        NativeMemory.Free(p);
        var view = new ReadOnlySpan<byte>(p, 8);
        Console.WriteLine(view.Length);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address
// CHECK-NEXT: READ of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.ReadOnlySpan<T>..ctor(void*, int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ReadOnlySpanAfterFree.cs:[[@LINE-7]]
// CHECK-NEXT: is located 0 bytes inside of 8-byte region
// CHECK-NEXT: freed by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ReadOnlySpanAfterFree.cs:[[@LINE-12]]
// CHECK: SUMMARY: AddressSanitizer: heap-use-after-free {{.*}}ReadOnlySpanAfterFree.cs:[[@LINE-12]] in Program.Main()
