// Spans over native memory: built exactly to size, sliced within bounds, zero-length at the very end.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(10 * sizeof(int));
        var all = new Span<int>(p, 10);
        all.Fill(1);
        Span<int> middle = all.Slice(3, 4);
        middle.Fill(2);
        ReadOnlySpan<int> view = new ReadOnlySpan<int>(p + 5, 5);
        Span<int> created = MemoryMarshal.CreateSpan(ref p[8], 2);
        created[1] = 3;
        ReadOnlySpan<int> tail = MemoryMarshal.CreateReadOnlySpan(ref p[9], 1);
        var empty = new Span<int>(p + 10, 0);
        int sum = 0;
        foreach (int v in all) sum += v;
        Console.WriteLine($"sum={sum} view={view[0]} tail={tail[0]} empty={empty.Length}");
        all[..5].CopyTo(new Span<int>(p + 5, 5));
        NativeMemory.Free(p);
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum=16 view=2 tail=3 empty=0
// CHECK-NOT: ERROR:
