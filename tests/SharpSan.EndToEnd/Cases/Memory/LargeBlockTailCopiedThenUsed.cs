using System;
using System.Runtime.InteropServices;

// Bytes copied out of the tail of a large block (never written there) stay undefined in the copy,
// with the block's allocation as their origin; the defined bytes copied with them do not hide them.
unsafe class Program
{
    const int Size = 8 << 20;

    static void Main()
    {
        byte* block = (byte*)NativeMemory.Alloc(Size);
        byte* tail = block + Size - 200000;   // inside a whole shadow page, whatever the block's alignment
        for (int i = 0; i < 8; i++) tail[i] = (byte)(i + 1);
        byte* copy = (byte*)NativeMemory.AllocZeroed(16);
        Buffer.MemoryCopy(tail, copy, 16, 16);
        Console.WriteLine($"first {copy[0] + copy[7]}");
        if (copy[12] > 3)
            Console.WriteLine("big");
        Console.WriteLine("done");
        NativeMemory.Free(copy);
        NativeMemory.Free(block);
    }
}

// SANITIZE: memory
// CHECK: first 9
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LargeBlockTailCopiedThenUsed.cs:[[@LINE-11]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LargeBlockTailCopiedThenUsed.cs:[[@LINE-20]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}LargeBlockTailCopiedThenUsed.cs:[[@LINE-15]] in Program.Main()
// CHECK-NOT: done
