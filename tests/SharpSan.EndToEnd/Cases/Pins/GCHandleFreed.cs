// A pinned GCHandle gives the array's address; the handle is freed and the address used afterwards.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        var data = new long[6];
        var handle = GCHandle.Alloc(data, GCHandleType.Pinned);
        long* p = (long*)handle.AddrOfPinnedObject();
        p[1] = 7;
        handle.Free();
        Console.WriteLine("freed");
        p[2] = 9;
    }
}
// CHECK: freed
// CHECK: ERROR: AddressSanitizer: use-after-unpin on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 8 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}GCHandleFreed.cs:[[@LINE-6]]
// CHECK-NEXT: [[ADDR]] is located 16 bytes inside of 48-byte managed long[6]
// CHECK-NEXT: unpinned by thread T0 here:
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.GCHandle.Free()
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}GCHandleFreed.cs:[[@LINE-12]]
// CHECK: previously pinned by thread T0 here:
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.GCHandle.Alloc(object, GCHandleType)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}GCHandleFreed.cs:[[@LINE-18]]
// CHECK: SUMMARY: AddressSanitizer: use-after-unpin {{.*}}GCHandleFreed.cs:[[@LINE-14]] in Program.Main()
