// suppressions: a heap-buffer-overflow whose frames match a rule is not printed, does not stop the run and
// does not change the exit code; an overflow elsewhere is still reported.
// ENV: SHARPSAN_OPTIONS=suppressions=%S/Inputs/suppressions.txt:detect_leaks=0
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void KnownOverflow(byte* p)
    {
        p[8] = 1;
    }

    static void OtherOverflow(byte* p)
    {
        p[9] = 1;
    }

    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(8);
        KnownOverflow(p);
        Console.WriteLine("suppressed overflow passed");
        OtherOverflow(p);
        Console.WriteLine("unreachable");
    }
}
// CHECK-NOT: ERROR:
// CHECK: suppressed overflow passed
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 1 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.OtherOverflow(byte*) {{.*}}SuppressAccess.cs:[[@LINE-16]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}SuppressAccess.cs:[[@LINE-9]]
// CHECK-NEXT: is located 1 bytes to the right of 8-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}SuppressAccess.cs:[[@LINE-19]] in Program.OtherOverflow(byte*)
// CHECK-NOT: unreachable
