using System;
using System.Runtime.InteropServices;

// A span over native memory filled by a BCL member the shadow does not model (Span<T>.Fill, MemoryExtensions.Sort)
// is taken as written: its bytes are defined, branching on them and returning their sum is no report (the shape of
// CommunityToolkit's Span2D.Fill over a native grid).
unsafe class Program
{
    static long Sum(int* cells, int count)
    {
        long sum = 0;
        for (int k = 0; k < count; k++)
            if (cells[k] > 0) sum += cells[k];
        return sum;
    }

    static void Main()
    {
        int* cells = (int*)NativeMemory.Alloc(16, sizeof(int));
        new Span<int>(cells, 8).Fill(7);
        var rest = new Span<int>(cells + 8, 8);
        for (int k = 0; k < rest.Length; k++) rest[k] = 8 - k;
        rest.Sort();
        if (cells[8] == 1) Console.WriteLine("sorted");
        Console.WriteLine($"sum {Sum(cells, 16)}");
        NativeMemory.Free(cells);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: sorted
// CHECK: sum 92
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
