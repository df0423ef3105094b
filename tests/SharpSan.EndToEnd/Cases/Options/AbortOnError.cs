// abort_on_error=1: the process dies by abort (SIGABRT through the runtime's fail-fast path, exit code 134)
// after the report, so the runtime writes the crash dump asked for by DOTNET_DbgEnableMiniDump.
// ENV: SHARPSAN_OPTIONS=abort_on_error=1
// ENV: DOTNET_DbgEnableMiniDump=1
// ENV: DOTNET_DbgMiniDumpType=1
// ENV: DOTNET_DbgMiniDumpName=%t/core.%p
// EXIT: 134
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        int* p = (int*)Marshal.AllocHGlobal(16);
        Marshal.FreeHGlobal((IntPtr)p);
        Console.WriteLine(p[1]);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address
// CHECK: SUMMARY: AddressSanitizer: heap-use-after-free {{.*}}AbortOnError.cs:[[@LINE-4]] in Program.Main()
// CHECK: ==[[PID:[0-9]+]]==SharpSan: abort_on_error=1, aborting after the report above
// CHECK: Dump successfully written
