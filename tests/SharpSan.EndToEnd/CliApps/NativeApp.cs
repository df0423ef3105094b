// Calls a native library built with -fsanitize=address: `NativeApp <libfill.so> <mode>`; modes: overflow (the C code writes
// past its heap block), clean, managed (a managed overflow with ASan loaded), leak (the C code drops its only pointer to a
// heap block), suppressions (prints the suppressions file ASan was given, then overflows as in overflow).
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static delegate* unmanaged<int, int> s_fill;

    static int Main(string[] args)
    {
        s_fill = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(NativeLibrary.Load(args[0]), "fill");
        try { object o = null!; o.GetHashCode(); } catch (NullReferenceException) { Console.WriteLine("null reference caught"); }
        GC.Collect();
        switch (args[1])
        {
            case "overflow":
                Console.WriteLine(Fill(16));
                break;
            case "managed":
                byte* p = (byte*)NativeMemory.Alloc(8);
                p[8] = 1;
                NativeMemory.Free(p);
                break;
            case "suppressions":
                string file = System.Array.FindLast(Environment.GetEnvironmentVariable("ASAN_OPTIONS")!.Split(':'), o => o.StartsWith("suppressions="))!.Substring("suppressions=".Length);
                Console.Write(System.IO.File.ReadAllText(file));
                Console.WriteLine(Fill(16));
                break;
            case "leak":
                var leak = (delegate* unmanaged<int>)NativeLibrary.GetExport(NativeLibrary.Load(args[0]), "leak");
                Console.WriteLine($"leaked {leak()}");
                break;
            default:
                Console.WriteLine($"filled {Fill(8)}");
                break;
        }
        return 0;
    }

    static int Fill(int n) => s_fill(n);
}
