// stackalloc initializers compile to cpblk (from static data) and initblk on the stack; never heap memory.
using System;

static unsafe class Program
{
    static void Main()
    {
        byte* a = stackalloc byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
        byte* b = stackalloc byte[] { 7, 7, 7, 7, 7, 7, 7, 7 };
        Span<int> c = stackalloc int[] { 100, 200, 300 };
        int sum = 0;
        for (int i = 0; i < 12; i++) sum += a[i];
        for (int i = 0; i < 8; i++) sum += b[i];
        foreach (int v in c) sum += v;
        Console.WriteLine($"sum={sum}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum=734
// CHECK-NOT: ERROR:
