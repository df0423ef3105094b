using System;
using System.Runtime.InteropServices;

struct Header
{
    public int Length;
    public short Kind;
    public long Stamp;
}

unsafe class Program
{
    static void Main()
    {
        Header* h = (Header*)NativeMemory.Alloc((nuint)sizeof(Header));
        h->Length = 12;
        if (h->Length > 10) Console.WriteLine("long enough");
        if (h->Kind == 3) Console.WriteLine("kind three");
    }
}

// SANITIZE: memory
// CHECK: long enough
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructFieldThroughPointer.cs:[[@LINE-7]]
// CHECK: Uninitialized value was created by a heap allocation
