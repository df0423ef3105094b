// Memory<T>.Pin and ReadOnlyMemory<char>.Pin (over an array slice, a string) used only while the handle lives,
// disposed by `using` and by an explicit Dispose; afterwards the data is used through the array and the Memory
// (GC-tracked references), and pinned again. No report.
using System;

static unsafe class Program
{
    static void Main()
    {
        var data = new int[32];
        Memory<int> slice = data.AsMemory(4, 8);
        using (var handle = slice.Pin())
            for (int i = 0; i < 8; i++) ((int*)handle.Pointer)[i] = i + 1;
        var again = data.AsMemory().Pin();
        ((int*)again.Pointer)[0] = 100;
        var nested = data.AsMemory().Pin();
        again.Dispose();
        ((int*)nested.Pointer)[1] = 200;
        nested.Dispose();
        ReadOnlyMemory<char> text = "some text".AsMemory();
        int letters = 0;
        using (var chars = text.Pin())
            for (int i = 0; i < text.Length; i++) letters += ((char*)chars.Pointer)[i] == 't' ? 1 : 0;
        slice.Span[0] += 10;
        fixed (int* p = data) p[2] = 3;
        Console.WriteLine($"values {data[0]} {data[1]} {data[2]} {data[4]} {data[11]} {letters}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: values 100 200 3 11 8 2
// CHECK-NOT: ERROR:
