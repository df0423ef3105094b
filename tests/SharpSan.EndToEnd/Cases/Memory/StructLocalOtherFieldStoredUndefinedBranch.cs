using System;
using System.Runtime.InteropServices;

// A struct copied from native memory into a local, then one of its fields assigned: only that field becomes defined.
// Branching on the field nobody wrote is still reported, with the allocation as origin.
unsafe class Program
{
    struct Header
    {
        public int Length;
        public int Flags;
        public short Kind;
    }

    static void Main()
    {
        Header* p = (Header*)NativeMemory.Alloc((nuint)sizeof(Header));
        p->Length = 5;
        Header header = *p;
        header.Kind = 2;
        if (header.Flags != 0)
            Console.WriteLine("flagged");
        Console.WriteLine("done");
        NativeMemory.Free(p);
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructLocalOtherFieldStoredUndefinedBranch.cs:[[@LINE-9]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructLocalOtherFieldStoredUndefinedBranch.cs:[[@LINE-15]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}StructLocalOtherFieldStoredUndefinedBranch.cs:[[@LINE-12]] in Program.Main()
// CHECK-NOT: done
