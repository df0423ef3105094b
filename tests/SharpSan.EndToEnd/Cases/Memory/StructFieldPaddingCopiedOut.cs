using System;
using System.IO;
using System.Runtime.InteropServices;

struct Entry
{
    public byte Tag;     // three bytes of padding follow
    public int Value;
}

// A struct copied from native memory into a class field and back out to native memory keeps its padding undefined
// (MSan's memcpy of an aggregate): writing those bytes to a stream is reported at the write, at the padding's offset.
unsafe class Slot
{
    Entry _entry;

    public void Set(Entry* from) => _entry = *from;

    public void CopyTo(Entry* to) => *to = _entry;
}

unsafe class Program
{
    static void Main()
    {
        var source = (Entry*)NativeMemory.Alloc((nuint)sizeof(Entry));
        var target = (Entry*)NativeMemory.AllocZeroed((nuint)sizeof(Entry));
        source->Tag = 7;
        source->Value = 42;
        var slot = new Slot();
        slot.Set(source);
        slot.CopyTo(target);
        if (target->Value == 42) Console.WriteLine("value copied");
        var file = new MemoryStream();
        file.Write(new ReadOnlySpan<byte>(target, sizeof(Entry)));
        Console.WriteLine($"wrote {file.Length}");
    }
}

// SANITIZE: memory
// CHECK: value copied
// CHECK: Uninitialized bytes in System.IO.Stream.Write(ReadOnlySpan<byte>) at offset 1 inside [0, 8)
// CHECK-NEXT: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 {{.*}} in System.IO.Stream.Write(ReadOnlySpan<byte>)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructFieldPaddingCopiedOut.cs:[[@LINE-10]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NOT: wrote
