using System;
using System.Runtime.InteropServices;

// A 4 MiB block (its shadow spans 64 pages, the ones near its end never written but for two bytes): its head and a
// few bytes of the tail are written, and a byte of the tail never written is still undefined where it is used.
unsafe class Program
{
    const int Size = 4 << 20;

    static void Main()
    {
        byte* block = (byte*)NativeMemory.Alloc(Size);
        for (int i = 0; i < Size / 4; i++) block[i] = (byte)i;
        block[Size - 100000] = 1;
        block[Size - 99998] = 2;
        int sum = block[17] + block[Size - 100000] + block[Size - 99998];
        Console.WriteLine($"sum {sum}");
        if (block[Size - 99999] == 0)
            Console.WriteLine("zero");
        Console.WriteLine("done");
        NativeMemory.Free(block);
    }
}

// SANITIZE: memory
// CHECK: sum 20
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LargeBlockUnwrittenTailBranch.cs:[[@LINE-10]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LargeBlockUnwrittenTailBranch.cs:[[@LINE-19]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}LargeBlockUnwrittenTailBranch.cs:[[@LINE-14]] in Program.Main()
// CHECK-NOT: done
