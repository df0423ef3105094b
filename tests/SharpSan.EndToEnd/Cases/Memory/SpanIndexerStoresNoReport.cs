using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Fill(Span<int> values)
    {
        for (int i = 0; i < values.Length; i++) values[i] = i + 1;
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(8 * sizeof(int));
        Fill(new Span<int>(p, 8));
        ref int last = ref p[7];
        last += 10;
        int sum = 0;
        for (int i = 0; i < 8; i++)
            if (p[i] % 2 == 0) sum += p[i];
        Console.WriteLine($"even sum {sum}");
        NativeMemory.Free(p);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: even sum 30
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
