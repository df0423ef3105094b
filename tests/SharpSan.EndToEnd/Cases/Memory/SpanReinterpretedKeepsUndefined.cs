using System;
using System.IO;
using System.Runtime.InteropServices;

// Reinterpreting a span (MemoryMarshal.AsBytes) writes nothing: the undefined half of the buffer stays undefined and
// is reported where the bytes leave (Stream.Write).
unsafe class Program
{
    static void Main()
    {
        int* values = (int*)NativeMemory.Alloc(4, sizeof(int));
        values[0] = 1;
        values[1] = 2;
        Span<byte> bytes = MemoryMarshal.AsBytes(new Span<int>(values, 4));
        var file = new MemoryStream();
        file.Write(bytes);
        Console.WriteLine($"wrote {file.Length}");
    }
}

// SANITIZE: memory
// CHECK: Uninitialized bytes in System.IO.Stream.Write(ReadOnlySpan<byte>) at offset 8 inside [0, 16)
// CHECK-NEXT: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}SpanReinterpretedKeepsUndefined.cs:[[@LINE-8]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NOT: wrote
