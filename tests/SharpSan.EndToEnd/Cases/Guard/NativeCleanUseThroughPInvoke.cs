// Guard mode with guard_sample_rate=1, negative: a C library (built here with gcc) fills every byte of a guarded
// buffer the program passed through P/Invoke, up to the guard page and not past it: no report.
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
        File.WriteAllText(Path.Combine(dir, "fill.c"), "void fill_inclusive(unsigned char* p, int n) { for (int i = 0; i < n; i++) p[i] = 1; }\n");
        var gcc = Process.Start("gcc", ["-shared", "-fPIC", "-O0", "-o", Path.Combine(dir, "libguardfill.so"), Path.Combine(dir, "fill.c")])!;
        gcc.WaitForExit();
        NativeLibrary.SetDllImportResolver(typeof(Program).Assembly, (name, _, _) => NativeLibrary.Load(Path.Combine(dir, "lib" + name + ".so")));

        byte* buffer = (byte*)NativeMemory.Alloc(48);
        fill_inclusive(buffer, 48);
        long sum = 0;
        for (int i = 0; i < 48; i++) sum += buffer[i];
        NativeMemory.Free(buffer);
        Console.WriteLine($"sum {sum}");
    }
}
// SANITIZE: guard
// REQUIRES: gcc
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=1
// ENV: CASE_DIR=%t
// CHECK-NOT: ERROR:
// CHECK: sum 48
// CHECK-NOT: ERROR:
