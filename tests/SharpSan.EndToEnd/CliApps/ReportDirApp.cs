// Used by CliTests: overflows, then (when halt_on_error=0 lets it go on) looks for the report file in the
// folder given as args[0] while still running, to show that the report was written when it happened.
using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Main(string[] args)
    {
        int* p = (int*)Marshal.AllocHGlobal(16);
        p[4] = 1;
        Marshal.FreeHGlobal((IntPtr)p);
        var files = Directory.GetFiles(args[0]);
        bool written = files.Any(f => File.ReadAllText(f).Contains("ERROR: AddressSanitizer: heap-buffer-overflow"));
        Console.WriteLine($"report files while running: {files.Length}, with the overflow: {written}");
        return 0;
    }
}
