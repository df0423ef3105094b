// Environment.Exit(5) from inside a method still runs LeakSanitizer; the leak makes the exit code 1.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Quit()
    {
        Console.WriteLine("quitting");
        Environment.Exit(5);
    }

    static void Main()
    {
        NativeMemory.AllocZeroed(3, 8);
        Quit();
    }
}
// CHECK: quitting
// CHECK: ERROR: LeakSanitizer: detected memory leaks
// CHECK: Direct leak of 24 byte(s) in 1 object(s) allocated from:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.AllocZeroed(nuint, nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LeakAtEnvironmentExit.cs:[[@LINE-8]]
// CHECK: SUMMARY: AddressSanitizer: 24 byte(s) leaked in 1 allocation(s).
