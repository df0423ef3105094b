using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        byte* header = (byte*)NativeMemory.Alloc(8);
        BinaryPrimitives.WriteInt32LittleEndian(new Span<byte>(header, 8), 0x0A0B0C0D);
        BinaryPrimitives.WriteUInt32BigEndian(new Span<byte>(header + 4, 4), 0x01020304);
        long both = BinaryPrimitives.ReadInt64LittleEndian(new ReadOnlySpan<byte>(header, 8));
        int small = 0;
        for (int i = 0; i < 8; i++)
            if (header[i] < 5) small++;
        Console.WriteLine($"both {both:x} small {small}");
        NativeMemory.Free(header);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: both 40302010a0b0c0d small 4
// CHECK-NOT: ERROR:
