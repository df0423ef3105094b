// A helper whose `fixed` block is hot (called 2,000 times from one line) returns its pointer; one more call from
// another line keeps the pointer and writes through it after the pin ended. The unpin and pin stacks must name that
// last call (each call is a new activation of the helper: a stack remembered from the hot calls would name the loop).
using System;

static unsafe class Program
{
    static byte* Touch(byte[] buffer, int i)
    {
        fixed (byte* p = buffer)
        {
            p[i % buffer.Length]++;
            return p;
        }
    }

    static void Main()
    {
        var buffer = new byte[64];
        for (int i = 0; i < 2000; i++) Touch(buffer, i);
        Console.WriteLine("hot loop done");
        byte* stale = Touch(buffer, 7);
        stale[9] = 2;
        Console.WriteLine("not reached");
    }
}
// CHECK: hot loop done
// CHECK: ERROR: AddressSanitizer: use-after-unpin on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StaleFromLaterCallOfHotHelper.cs:[[@LINE-7]]
// CHECK-NEXT: [[ADDR]] is located 9 bytes inside of 64-byte managed byte[64]
// CHECK-NEXT: unpinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Touch(byte[], int) {{.*}}StaleFromLaterCallOfHotHelper.cs:[[@LINE-18]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StaleFromLaterCallOfHotHelper.cs:[[@LINE-12]]
// CHECK: previously pinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Touch(byte[], int) {{.*}}StaleFromLaterCallOfHotHelper.cs:[[@LINE-26]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StaleFromLaterCallOfHotHelper.cs:[[@LINE-15]]
// CHECK: SUMMARY: AddressSanitizer: use-after-unpin {{.*}}StaleFromLaterCallOfHotHelper.cs:[[@LINE-15]] in Program.Main()
// CHECK-NOT: not reached
