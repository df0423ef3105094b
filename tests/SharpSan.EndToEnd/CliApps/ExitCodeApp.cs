// Used by CliTests: `ExitCodeApp <code> [overflow]` returns <code>, after a heap overflow when asked.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Main(string[] args)
    {
        int code = int.Parse(args[0]);
        byte* p = (byte*)NativeMemory.Alloc(8);
        p[7] = 1;
        if (args.Length > 1 && args[1] == "overflow") p[8] = 1;
        NativeMemory.Free(p);
        Console.WriteLine($"returning {code}");
        return code;
    }
}
