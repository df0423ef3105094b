// break_on_report=1 without a debugger attached: after each report the reporting thread prints the pid and how
// to attach, and waits (sleep_before_dying seconds) for a debugger before the program goes on (halt_on_error=0).
// ENV: SHARPSAN_OPTIONS=break_on_report=1:sleep_before_dying=1:halt_on_error=0:detect_leaks=0
using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(8);
        var clock = Stopwatch.StartNew();
        p[9] = 1;
        long waited = clock.ElapsedMilliseconds;
        Console.WriteLine(waited >= 900 ? "the report stopped the thread for a second" : $"did not wait: {waited} ms");
        NativeMemory.Free(p);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}BreakOnReportWaits.cs:[[@LINE-7]] in Program.Main()
// CHECK: ==[[PID:[0-9]+]]==Waiting up to 1 second(s) for a debugger (break_on_report=1)
// CHECK-NEXT: ==[[PID]]==To attach: lldb -p [[PID]]
// CHECK: the report stopped the thread for a second
