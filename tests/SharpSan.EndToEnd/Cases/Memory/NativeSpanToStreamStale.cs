using System;
using System.IO;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        byte* record = (byte*)NativeMemory.Alloc(8);
        record[0] = 1;
        record[1] = 2;
        var file = new MemoryStream();
        file.Write(new ReadOnlySpan<byte>(record, 8));
        Console.WriteLine($"wrote {file.Length}");
    }
}

// SANITIZE: memory
// CHECK: Uninitialized bytes in System.IO.Stream.Write(ReadOnlySpan<byte>) at offset 2 inside [0, 8)
// CHECK-NEXT: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 {{.*}} in System.IO.Stream.Write(ReadOnlySpan<byte>)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}NativeSpanToStreamStale.cs:[[@LINE-9]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NOT: wrote
