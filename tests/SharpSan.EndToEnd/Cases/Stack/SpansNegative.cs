// stackalloc into Span<T>, slicing within bounds, passing spans down, and stack buffers in frames that an
// exception unwinds: all legal, no report.
using System;

static class Program
{
    static int Sum(ReadOnlySpan<int> values)
    {
        int s = 0;
        foreach (int v in values) s += v;
        return s;
    }

    static int Throwing(int depth)
    {
        Span<byte> scratch = stackalloc byte[16];
        scratch[15] = (byte)depth;
        if (depth == 0) throw new InvalidOperationException();
        return Throwing(depth - 1) + scratch[15];
    }

    static void Main()
    {
        Span<int> numbers = stackalloc int[10];
        for (int i = 0; i < numbers.Length; i++) numbers[i] = i + 1;
        int total = Sum(numbers) + Sum(numbers.Slice(2, 5)) + Sum(numbers[^3..]);
        int caught = 0;
        for (int round = 0; round < 20; round++)
        {
            try { Throwing(5); } catch (InvalidOperationException) { caught++; }
        }
        Span<char> text = stackalloc char[5];
        "hello".AsSpan().CopyTo(text);
        Console.WriteLine($"total {total} caught {caught} {text.ToString()}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: total 107 caught 20 hello
// CHECK-NOT: ERROR:
