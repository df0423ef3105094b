// The same covered accesses compiled for Debug (locals stored and reloaded, nops between statements), and a base
// reassigned to a live block of the right size: nothing is reported and the results are the plain program's.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Swap(int* p, int a, int b)
    {
        if (p[a] > p[b])
        {
            int t = p[a];
            p[a] = p[b];
            p[b] = t;
            return 1;
        }
        return 0;
    }

    static int Follow(int* p, int* q, bool move)
    {
        int a = p[1];
        if (move) p = q;
        return a + p[1];
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(4 * sizeof(int));
        int* q = (int*)NativeMemory.Alloc(2 * sizeof(int));
        p[0] = 9; p[1] = 4; p[2] = 7; p[3] = 1;
        q[0] = 0; q[1] = 100;
        int swaps = Swap(p, 0, 1) + Swap(p, 2, 3) + Swap(p, 0, 2);
        Console.WriteLine($"swaps {swaps}: {p[0]} {p[1]} {p[2]} {p[3]}");
        Console.WriteLine($"follow {Follow(p, q, false)} {Follow(p, q, true)}");
        NativeMemory.Free(q);
        NativeMemory.Free(p);
        Console.WriteLine("done");
    }
}
// CHECK-NOT: ERROR:
// CHECK: swaps 3: 1 9 4 7
// CHECK-NEXT: follow 18 109
// CHECK-NEXT: done
// CHECK-NOT: ERROR:
