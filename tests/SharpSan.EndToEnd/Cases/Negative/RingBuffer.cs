// A native ring buffer whose indices wrap around with a mask: every access stays inside the block.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    const int Capacity = 64;
    static int* s_items;
    static int s_head, s_tail;

    static void Push(int v) { s_items[s_tail & (Capacity - 1)] = v; s_tail++; }
    static int Pop() { int v = s_items[s_head & (Capacity - 1)]; s_head++; return v; }

    static void Main()
    {
        s_items = (int*)NativeMemory.AlignedAlloc(Capacity * sizeof(int), 64);
        long sum = 0;
        for (int i = 0; i < 10000; i++)
        {
            Push(i);
            if (s_tail - s_head > 40) sum += Pop();
        }
        while (s_head != s_tail) sum += Pop();
        NativeMemory.AlignedFree(s_items);
        Console.WriteLine($"sum={sum}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum=49995000
// CHECK-NOT: ERROR:
