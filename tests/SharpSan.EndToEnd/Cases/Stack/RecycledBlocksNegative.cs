// Stackalloc buffers of every size class the fake stack recycles (and one above it, 100 KiB, which it does not),
// nested, each walked to exactly its last byte many times over: no report, and the sums are
// what the arithmetic says (a recycled block is a whole, addressable buffer again).
using System;

static unsafe class Program
{
    static long Walk(int size, int depth)
    {
        byte* b = stackalloc byte[size];
        for (int i = 0; i < size; i++) b[i] = (byte)i;
        long sum = b[size - 1] + b[0];
        if (depth > 0) sum += Walk(size * 2 + 1, depth - 1);
        return sum + b[size - 1];
    }

    static long Run()
    {
        long total = 0;
        for (int round = 0; round < 300; round++)
            for (int size = 1; size <= 70000; size = size * 3 + 5)
                total += Walk(size, round % 3);
        total += Walk(100 * 1024, 0);
        return total;
    }

    static void Main()
    {
        long first = Run(), second = Run();
        Console.WriteLine($"same {first == second} {first}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: same True {{[0-9]+}}
// CHECK-NOT: ERROR:
