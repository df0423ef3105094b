// Guard mode with guard_sample_rate=1: a C library (built here with gcc) writes one byte past a buffer the program
// allocated and passed through P/Invoke. The native write stops at the guard page; the report names the native
// instruction, then the managed caller.
using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

static unsafe class Program
{
    [DllImport("guardfill")]
    static extern void fill_inclusive(byte* p, int n);

    static void Main()
    {
        string dir = Environment.GetEnvironmentVariable("CASE_DIR")!;
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "fill.c"), "void fill_inclusive(unsigned char* p, int n) { for (int i = 0; i <= n; i++) p[i] = 1; }\n");
        var gcc = Process.Start("gcc", ["-shared", "-fPIC", "-O0", "-o", Path.Combine(dir, "libguardfill.so"), Path.Combine(dir, "fill.c")])!;
        gcc.WaitForExit();
        NativeLibrary.SetDllImportResolver(typeof(Program).Assembly, (name, _, _) => NativeLibrary.Load(Path.Combine(dir, "lib" + name + ".so")));

        byte* buffer = (byte*)NativeMemory.Alloc(48);
        fill_inclusive(buffer, 48);
        Console.WriteLine("not reached");
    }
}
// SANITIZE: guard
// REQUIRES: gcc
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=1
// ENV: CASE_DIR=%t
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address 0x[[ADDR:[0-9a-f]+]]
// CHECK-NEXT: WRITE at 0x[[ADDR]]
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in libguardfill.so+0x{{[0-9a-f]+}} (native code)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.fill_inclusive(byte*, int)
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}NativeOverflowThroughPInvoke.cs:[[@LINE-12]]
// CHECK: 0x[[ADDR]] is located 0 bytes to the right of 48-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}NativeOverflowThroughPInvoke.cs:[[@LINE-17]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}NativeOverflowThroughPInvoke.cs:[[@LINE-17]] in Program.Main()
// CHECK-NOT: not reached
