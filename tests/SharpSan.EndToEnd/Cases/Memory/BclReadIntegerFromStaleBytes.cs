using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        byte* header = (byte*)NativeMemory.Alloc(8);
        header[0] = 0x10;
        header[1] = 0x20;
        int length = BinaryPrimitives.ReadInt32LittleEndian(new ReadOnlySpan<byte>(header, 8));
        Console.WriteLine($"length {length}");
        NativeMemory.Free(header);
    }
}

// SANITIZE: memory
// CHECK: Uninitialized bytes in System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(ReadOnlySpan<byte>) at offset 2 inside [0, 4)
// CHECK-NEXT: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 {{.*}} in System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(ReadOnlySpan<byte>)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclReadIntegerFromStaleBytes.cs:[[@LINE-10]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NOT: length
