using System;
using System.Runtime.InteropServices;

// Struct locals copied from native memory: reading the written field, copying the struct with its undefined field
// and never using that field, and a local whose undefined field is filled through a ref by a method: no report.
unsafe class Program
{
    struct Header
    {
        public int Length;
        public int Flags;
    }

    static void Fill(ref Header header) => header.Flags = 3;

    static void Main()
    {
        Header* p = (Header*)NativeMemory.Alloc((nuint)sizeof(Header));
        Header* q = (Header*)NativeMemory.AllocZeroed((nuint)sizeof(Header));
        p->Length = 5;
        Header header = *p;
        if (header.Length == 5) Console.WriteLine("length 5");
        *q = header;
        if (q->Length == 5) Console.WriteLine("copied length 5");
        Header filled = *p;
        Fill(ref filled);
        if (filled.Flags == 3) Console.WriteLine("flags 3");
        NativeMemory.Free(q);
        NativeMemory.Free(p);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: length 5
// CHECK: copied length 5
// CHECK: flags 3
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
