// The options that stop at a report change nothing in a clean run: no wait, no abort, the app's exit code.
// ENV: SHARPSAN_OPTIONS=break_on_report=1:sleep_before_dying=5:abort_on_error=1
// EXIT: 3
using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Main()
    {
        var clock = Stopwatch.StartNew();
        byte* p = (byte*)NativeMemory.Alloc(8);
        for (int i = 0; i < 8; i++) p[i] = (byte)i;
        NativeMemory.Free(p);
        Console.WriteLine(clock.ElapsedMilliseconds < 4000 ? "no wait" : "waited");
        return 3;
    }
}
// CHECK-NOT: ERROR:
// CHECK: no wait
// CHECK-NOT: Sleeping for
// CHECK-NOT: Waiting up to
// CHECK-NOT: ERROR:
