using System;
using System.Runtime.InteropServices;

// A struct copied from native memory where nothing was written, then each field the program reads assigned first
// (one of them from a defined value that went through arithmetic): no report.
unsafe class Program
{
    struct Header
    {
        public int Length;
        public int Flags;
        public byte Kind;
        public long Stamp;
    }

    static void Main()
    {
        Header* p = (Header*)NativeMemory.Alloc((nuint)sizeof(Header));
        Header header = *p;
        header.Length = 7;
        header.Flags = header.Length * 3;
        header.Kind = 1;
        if (header.Flags == 21 && header.Kind == 1 && header.Length > 0)
            Console.WriteLine("defined fields");
        Header copy = header;
        copy.Stamp = 99;
        Console.WriteLine(copy.Stamp + copy.Flags);
        NativeMemory.Free(p);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: defined fields
// CHECK: 120
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
