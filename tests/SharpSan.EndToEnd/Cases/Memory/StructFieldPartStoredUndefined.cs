using System;
using System.Runtime.InteropServices;

struct Range
{
    public long Start;
    public short Length;
}

// An undefined value stored into one part of a struct field of a class (obj.S.X = v) is that part's shadow; the other
// part, written with a defined value, stays defined. A compound assignment on the undefined part (Roslyn takes the
// part's own address: ldflda S; ldflda X; dup; ldind; …; stind) keeps it undefined, and returning it is the use
// (clang's default -fsanitize-memory-param-retval).
unsafe class Window
{
    Range _range;

    public void Fill(short* raw)
    {
        _range.Start = 10;
        _range.Length = raw[1];
        _range.Length += 2;
    }

    public bool Wide() => _range.Length > 8;

    public long Start => _range.Start;
}

unsafe class Program
{
    static void Main()
    {
        var raw = (short*)NativeMemory.Alloc(8);
        var window = new Window();
        window.Fill(raw);
        if (window.Start == 10) Console.WriteLine("start ten");
        if (window.Wide())
            Console.WriteLine("wide");
        Console.WriteLine("done");
    }
}

// SANITIZE: memory
// CHECK: start ten
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Window.Wide() {{.*}}StructFieldPartStoredUndefined.cs:[[@LINE-22]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructFieldPartStoredUndefined.cs:[[@LINE-10]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructFieldPartStoredUndefined.cs:[[@LINE-16]]
// CHECK-NOT: done
