using System;
using System.Buffers;
using System.IO;

// A class derived from MemoryStream chains to MemoryStream's constructor (`: base(...)`) and calls base.Write in an
// override: the table's MemoryStream and Stream rows must leave both alone (no wrapper object, no recursion).
class Framed : MemoryStream
{
    public int Writes;

    public Framed(byte[] buffer) : base(buffer) { }

    public override void Write(byte[] buffer, int offset, int count)
    {
        Writes++;
        base.Write(buffer, offset, count);
    }
}

class Program
{
    static void Main()
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(16);
        var framed = new Framed(rented);
        framed.Write(new byte[] { 1, 2, 3, 4 }, 0, 4);
        Console.WriteLine($"writes {framed.Writes} position {framed.Position}");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: writes 1 position 4
// CHECK-NOT: ERROR:
