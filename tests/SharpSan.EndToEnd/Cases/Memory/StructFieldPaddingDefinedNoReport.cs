using System;
using System.IO;
using System.Runtime.InteropServices;

struct Entry
{
    public byte Tag;     // three bytes of padding follow
    public int Value;
}

// The negative twin of StructFieldPaddingCopiedOut: the source block is zeroed first, so the padding copied into the
// class field and back out is defined, and the whole struct can be written to a stream — no report. A field set from a
// constructed struct (not from memory) is defined too.
unsafe class Slot
{
    Entry _entry;
    Entry _made;

    public void Set(Entry* from)
    {
        _entry = *from;
        _made = new Entry { Tag = 1, Value = 2 };
    }

    public void CopyTo(Entry* to) => *to = _entry;

    public int Made => _made.Value + _made.Tag;
}

unsafe class Program
{
    static void Main()
    {
        var source = (Entry*)NativeMemory.AllocZeroed((nuint)sizeof(Entry));
        var target = (Entry*)NativeMemory.Alloc((nuint)sizeof(Entry));
        source->Tag = 7;
        source->Value = 42;
        var slot = new Slot();
        slot.Set(source);
        slot.CopyTo(target);
        var file = new MemoryStream();
        file.Write(new ReadOnlySpan<byte>(target, sizeof(Entry)));
        if (slot.Made == 3) Console.WriteLine("made three");
        Console.WriteLine($"wrote {file.Length}");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: made three
// CHECK: wrote 8
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
