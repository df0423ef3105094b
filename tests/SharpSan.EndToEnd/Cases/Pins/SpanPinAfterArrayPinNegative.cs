// An array pinned by `fixed` over the array, unpinned, then pinned again through a span or a Memory pin
// (`fixed` over a Span, Memory<T>.Pin) and written through those pointers. No report.
using System;

static unsafe class Program
{
    static void Main()
    {
        var data = new int[32];
        fixed (int* p = data) p[0] = 1;
        using (var first = data.AsMemory().Pin()) ((int*)first.Pointer)[4] = 4;
        fixed (int* p = data) p[0] = 1;
        Span<int> tail = data.AsSpan(8);
        fixed (int* q = tail) q[2] = 2;
        fixed (int* r = data.AsSpan()) r[0] += 1;
        using (var handle = data.AsMemory().Pin()) ((int*)handle.Pointer)[1] = 3;
        Console.WriteLine($"values {data[0]} {data[1]} {data[10]} {data[4]}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: values 2 3 2 4
// CHECK-NOT: ERROR:
