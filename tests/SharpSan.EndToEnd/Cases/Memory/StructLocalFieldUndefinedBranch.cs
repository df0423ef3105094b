using System;
using System.Runtime.InteropServices;

// A struct copied from native memory into a local (T local = *p) keeps its fields' shadow: branching on the field
// nobody wrote is reported, with the allocation as origin.
unsafe class Program
{
    struct Header
    {
        public int Length;
        public int Flags;
    }

    static void Main()
    {
        Header* p = (Header*)NativeMemory.Alloc((nuint)sizeof(Header));
        p->Length = 5;
        Header header = *p;
        if (header.Flags != 0)
            Console.WriteLine("flagged");
        Console.WriteLine("done");
        NativeMemory.Free(p);
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructLocalFieldUndefinedBranch.cs:[[@LINE-9]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructLocalFieldUndefinedBranch.cs:[[@LINE-14]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}StructLocalFieldUndefinedBranch.cs:[[@LINE-12]] in Program.Main()
// CHECK-NOT: done
