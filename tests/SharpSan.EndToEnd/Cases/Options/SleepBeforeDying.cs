// sleep_before_dying=1: before the process dies of a report it prints its pid and how to attach a debugger,
// then sleeps (once, although a halt passes through exit handling too); the exit code is still `exitcode`.
// ENV: SHARPSAN_OPTIONS=sleep_before_dying=1
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(8);
        p[8] = 1;
        Console.WriteLine("not reached");
    }
}
// CHECK: =={{[0-9]+}}==ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}SleepBeforeDying.cs:[[@LINE-5]] in Program.Main()
// CHECK: ==[[PID:[0-9]+]]==Sleeping for 1 second(s)
// CHECK-NEXT: ==[[PID]]==To attach: lldb -p [[PID]]
// CHECK-NOT: Sleeping for
// CHECK-NOT: not reached
