using System;
using System.Runtime.InteropServices;

// A fully written struct copied into a local, then one field assigned an undefined value read from a second
// allocation: branching on that field is reported, with the second allocation as origin.
unsafe class Program
{
    struct Pair
    {
        public long Left;
        public long Right;
    }

    static void Main()
    {
        Pair* p = (Pair*)NativeMemory.AllocZeroed((nuint)sizeof(Pair));
        Pair pair = *p;
        long* fresh = (long*)NativeMemory.Alloc(4 * sizeof(long));
        pair.Right = fresh[1];
        Console.WriteLine(pair.Left == 0 ? "left defined" : "left set");
        if (pair.Right > 10)
            Console.WriteLine("big");
        Console.WriteLine("done");
        NativeMemory.Free(fresh);
        NativeMemory.Free(p);
    }
}

// SANITIZE: memory
// CHECK: left defined
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructLocalFieldStoredFromUndefined.cs:[[@LINE-11]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructLocalFieldStoredFromUndefined.cs:[[@LINE-16]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}StructLocalFieldStoredFromUndefined.cs:[[@LINE-14]] in Program.Main()
// CHECK-NOT: done
