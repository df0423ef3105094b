// Four threads each throw and catch exceptions through frames doing native work; results stay right.
using System;
using System.Runtime.InteropServices;
using System.Threading;

static unsafe class Program
{
    static int Check(byte* p, int i)
    {
        if (p[i] == 3) throw new ArgumentException("three");
        return p[i];
    }

    static void Main()
    {
        var totals = new int[4];
        var threads = new Thread[4];
        for (int t = 0; t < 4; t++)
        {
            int id = t;
            threads[t] = new Thread(() =>
            {
                byte* p = (byte*)NativeMemory.Alloc(10);
                for (int i = 0; i < 10; i++) p[i] = (byte)(i % 5);
                for (int i = 0; i < 10; i++)
                {
                    try { totals[id] += Check(p, i); }
                    catch (ArgumentException) { totals[id] += 100; }
                }
                NativeMemory.Free(p);
            });
            threads[t].Start();
        }
        foreach (var th in threads) th.Join();
        Console.WriteLine($"totals={string.Join(",", totals)}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: totals=214,214,214,214
// CHECK-NOT: ERROR:
