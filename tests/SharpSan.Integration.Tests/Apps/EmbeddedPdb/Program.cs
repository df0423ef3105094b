// Built with DebugType=embedded. `EmbeddedPdb.dll overflow` writes one byte past a 24-byte Marshal.AllocHGlobal block.
using System.Runtime.InteropServices;

namespace EmbeddedPdbApp;

public static unsafe class Program
{
    public static int Main(string[] args)
    {
        byte* buffer = (byte*)Marshal.AllocHGlobal(24);
        int length = args.Contains("overflow") ? 25 : 24;
        Fill(buffer, length);
        int sum = 0;
        for (int i = 0; i < 24; i++) sum += buffer[i];
        Marshal.FreeHGlobal((IntPtr)buffer);
        Console.WriteLine($"embeddedpdb: sum={sum}");
        return 0;
    }

    static void Fill(byte* p, int n)
    {
        for (int i = 0; i < n; i++)
            p[i] = (byte)i; // BUG-LINE: the write past the end when n is too big
    }
}
