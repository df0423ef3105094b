// detect_leaks=0: a leaked block is not reported and the exit code stays the app's.
// ENV: SHARPSAN_OPTIONS=detect_leaks=0
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        void* p = NativeMemory.Alloc(64);
        Console.WriteLine(p != null ? "allocated" : "null");
    }
}
// CHECK-NOT: ERROR:
// CHECK: allocated
// CHECK-NOT: ERROR:
// CHECK-NOT: LeakSanitizer
