// An exception leaves a method from inside a `fixed` block: no finally clears the pinned local, but the frame is gone
// and with it the pin (the GC may move the array from then on). The pointer saved before the throw and used by the
// caller after catching the exception is a use-after-unpin; the unpin stack is where the exception left the method.
using System;

static unsafe class Program
{
    static int* s_saved;

    static void Fail() => throw new InvalidOperationException("bad input");

    static void Scan(int[] values)
    {
        fixed (int* p = values)
        {
            s_saved = p;
            if (values[0] < 0) Fail();
        }
    }

    static void Main()
    {
        var values = new[] { -1, 2, 3, 4 };
        try { Scan(values); }
        catch (InvalidOperationException e) { Console.WriteLine("caught " + e.Message); }
        Console.WriteLine(s_saved[2]);
    }
}
// CHECK: caught bad input
// CHECK: ERROR: AddressSanitizer: use-after-unpin on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PinHeldWhenExceptionLeaves.cs:[[@LINE-6]]
// CHECK-NEXT: [[ADDR]] is located 8 bytes inside of 16-byte managed int[4]
// CHECK-NEXT: unpinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Scan(int[]) {{.*}}PinHeldWhenExceptionLeaves.cs:[[@LINE-18]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PinHeldWhenExceptionLeaves.cs:[[@LINE-12]]
// CHECK: previously pinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Scan(int[]) {{.*}}PinHeldWhenExceptionLeaves.cs:[[@LINE-24]]
// CHECK: SUMMARY: AddressSanitizer: use-after-unpin {{.*}}PinHeldWhenExceptionLeaves.cs:[[@LINE-13]] in Program.Main()
