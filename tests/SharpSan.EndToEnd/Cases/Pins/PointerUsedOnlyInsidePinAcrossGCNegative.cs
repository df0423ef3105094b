// A pointer used only while its pin holds, across compacting collections inside the block (a pinned array does not
// move); after the block the array moves and is used through fresh pins and references only. No report.
using System;
using System.Runtime.CompilerServices;

static unsafe class Program
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Churn()
    {
        var garbage = new object[2000];
        for (int i = 0; i < garbage.Length; i++) garbage[i] = new byte[48];
    }

    static void Main()
    {
        var data = new long[16];
        nuint first, later;
        fixed (long* p = data)
        {
            first = (nuint)p;
            for (int round = 0; round < 3; round++)
            {
                Churn();
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                p[round] = round + 1;
            }
        }
        Churn();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        fixed (long* p = data)
        {
            later = (nuint)p;
            for (int i = 0; i < data.Length; i++) p[i] += 10;
        }
        fixed (long* p = &data[8]) p[0] = 99;
        data[15] = 7;
        Console.WriteLine($"values {data[0]} {data[2]} {data[8]} {data[15]}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: values 11 13 99 7
// CHECK-NOT: ERROR:
