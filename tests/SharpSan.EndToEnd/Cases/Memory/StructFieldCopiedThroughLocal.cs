using System;
using System.Runtime.InteropServices;

struct Pair
{
    public int Key;
    public int Value;
}

// A struct local filled from native memory, stored into a class field, copied into a second field and read back into
// a local: the shadow follows every copy, and the branch on the never-written part is reported.
unsafe class Table
{
    Pair _current;
    Pair _previous;

    public void Take(Pair* raw)
    {
        Pair local = *raw;
        _current = local;
        _previous = _current;
    }

    public Pair Previous()
    {
        Pair copy = _previous;
        return copy;
    }

    public int PreviousValue()
    {
        Pair copy = _previous;
        if (copy.Value != 0)
            return 1;
        return 0;
    }
}

unsafe class Program
{
    static void Main()
    {
        var raw = (Pair*)NativeMemory.Alloc((nuint)sizeof(Pair));
        raw->Key = 4;
        var table = new Table();
        table.Take(raw);
        if (table.Previous().Key == 4) Console.WriteLine("key four");
        Console.WriteLine(table.PreviousValue());
        Console.WriteLine("done");
    }
}

// SANITIZE: memory
// CHECK: key four
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Table.PreviousValue() {{.*}}StructFieldCopiedThroughLocal.cs:[[@LINE-23]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NOT: done
