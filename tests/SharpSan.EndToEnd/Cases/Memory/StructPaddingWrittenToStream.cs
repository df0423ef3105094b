using System;
using System.IO;
using System.Runtime.InteropServices;

struct Record
{
    public byte Tag;     // three bytes of padding follow
    public int Value;
}

// A struct copied with `*target = *source` keeps its padding undefined; writing the struct's bytes out sends them.
unsafe class Program
{
    static void Main()
    {
        Record* source = (Record*)NativeMemory.Alloc((nuint)sizeof(Record));
        Record* target = (Record*)NativeMemory.AllocZeroed((nuint)sizeof(Record));
        source->Tag = 7;
        source->Value = 42;
        *target = *source;
        var file = new MemoryStream();
        file.Write(new ReadOnlySpan<byte>(target, sizeof(Record)));
        Console.WriteLine($"wrote {file.Length}");
    }
}

// SANITIZE: memory
// CHECK: Uninitialized bytes in System.IO.Stream.Write(ReadOnlySpan<byte>) at offset 1 inside [0, 8)
// CHECK-NEXT: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 {{.*}} in System.IO.Stream.Write(ReadOnlySpan<byte>)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructPaddingWrittenToStream.cs:[[@LINE-9]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NOT: wrote
