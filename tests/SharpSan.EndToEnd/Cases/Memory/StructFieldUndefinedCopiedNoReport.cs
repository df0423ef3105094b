using System;
using System.Runtime.InteropServices;

struct Pair
{
    public int Key;
    public int Value;
}

// The negative twin of StructFieldCopiedThroughLocal: undefined parts copied between struct fields, struct locals and
// native memory and never used, and only the written part branched on — no report. A part store of a defined value
// into a field that held undefined bytes defines that part only.
unsafe class Table
{
    Pair _current;
    Pair _previous;

    public void Take(Pair* raw)
    {
        Pair local = *raw;
        _current = local;
        _previous = _current;
        _current.Value = 8;
    }

    public void Export(Pair* to) => *to = _previous;

    public int CurrentValue() => _current.Value;

    public int PreviousKey()
    {
        Pair copy = _previous;
        return copy.Key;
    }
}

unsafe class Program
{
    static void Main()
    {
        var raw = (Pair*)NativeMemory.Alloc((nuint)sizeof(Pair));
        var exported = (Pair*)NativeMemory.Alloc((nuint)sizeof(Pair));
        raw->Key = 4;
        var table = new Table();
        table.Take(raw);
        table.Export(exported);
        if (table.CurrentValue() == 8) Console.WriteLine("value eight");
        if (table.PreviousKey() == 4) Console.WriteLine("key four");
        if (exported->Key == 4) Console.WriteLine("exported key");
        NativeMemory.Free(raw);
        NativeMemory.Free(exported);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: value eight
// CHECK: key four
// CHECK: exported key
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
