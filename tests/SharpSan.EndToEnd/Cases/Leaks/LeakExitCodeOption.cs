// exitcode=23 applies to leak reports too, whatever the app returned.
// ENV: SHARPSAN_OPTIONS=exitcode=23
// EXIT: 23
using System;
using System.Runtime.InteropServices;

static class Program
{
    static int Main()
    {
        Marshal.AllocHGlobal(7);
        Console.WriteLine("returning 5");
        return 5;
    }
}
// CHECK: returning 5
// CHECK: ERROR: LeakSanitizer: detected memory leaks
// CHECK: Direct leak of 7 byte(s) in 1 object(s) allocated from:
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LeakExitCodeOption.cs:[[@LINE-8]]
// CHECK: SUMMARY: AddressSanitizer: 7 byte(s) leaked in 1 allocation(s).
