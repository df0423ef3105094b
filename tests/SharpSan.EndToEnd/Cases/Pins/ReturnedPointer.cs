// A method returns the pointer its `fixed` block produced: the pin ends with the method, the caller still writes
// through the pointer — use-after-unpin, with the unpin (the method's end) and pin stacks.
using System;

static unsafe class Program
{
    static byte* Start(byte[] buffer)
    {
        fixed (byte* p = buffer)
        {
            p[0] = 1;
            return p;
        }
    }

    static void Main()
    {
        var buffer = new byte[48];
        byte* p = Start(buffer);
        Console.WriteLine("got pointer");
        p[8] = 2;
        Console.WriteLine("not reached");
    }
}
// CHECK: got pointer
// CHECK: ERROR: AddressSanitizer: use-after-unpin on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ReturnedPointer.cs:[[@LINE-7]]
// CHECK-NEXT: [[ADDR]] is located 8 bytes inside of 48-byte managed byte[48]
// CHECK-NEXT: unpinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Start(byte[]) {{.*}}ReturnedPointer.cs:[[@LINE-17]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ReturnedPointer.cs:[[@LINE-13]]
// CHECK: previously pinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Start(byte[]) {{.*}}ReturnedPointer.cs:[[@LINE-25]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ReturnedPointer.cs:[[@LINE-16]]
// CHECK: Unpinned object:         f4
// CHECK: SUMMARY: AddressSanitizer: use-after-unpin {{.*}}ReturnedPointer.cs:[[@LINE-16]] in Program.Main()
// CHECK-NOT: not reached
