using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        long* p = (long*)NativeMemory.Alloc(8);
        if (*p == 0) Console.WriteLine("zero");
    }
}

// SANITIZE: memory
// ENV: SHARPSAN_OPTIONS=exitcode=9
// EXIT: 9
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MemoryExitCodeOption.cs:[[@LINE-8]]
