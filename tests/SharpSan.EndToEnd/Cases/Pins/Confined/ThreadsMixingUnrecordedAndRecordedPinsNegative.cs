// Two threads run `fixed` blocks over one array whose pointers never leave them (unrecorded) while two others pin
// it and let the pointer escape into a field (recorded): each recorded unpin poisons the array, possibly while an
// unrecorded block on another thread is reading through its own pin. No report.
using System;
using System.Threading;

static unsafe class Program
{
    static readonly int[] s_shared = new int[64];
    static int* s_escaped;
    static long s_sink;

    static void Confined()
    {
        long sum = 0;
        for (int round = 0; round < 20_000; round++)
        {
            fixed (int* p = s_shared)
            {
                for (int i = 0; i < 64; i++) sum += p[i];
            }
        }
        Interlocked.Add(ref s_sink, sum);
    }

    static void Escaping()
    {
        for (int round = 0; round < 20_000; round++)
        {
            fixed (int* p = s_shared) s_escaped = p + (round & 63);
        }
    }

    static void Main()
    {
        for (int i = 0; i < s_shared.Length; i++) s_shared[i] = i;
        var threads = new[] { new Thread(Confined), new Thread(Escaping), new Thread(Confined), new Thread(Escaping) };
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        Console.WriteLine($"sum {s_sink}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum 80640000
// CHECK-NOT: ERROR:
