using System;
using System.IO;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        byte* padding = (byte*)NativeMemory.Alloc(16);
        var span = new Span<byte>(padding, 16);
        span.Fill(0x20);
        span[..4].Clear();
        var wire = new MemoryStream();
        wire.Write(span);
        Console.WriteLine($"sent {wire.Length}");
        NativeMemory.Free(padding);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: sent 16
// CHECK-NOT: ERROR:
