// Arrays are pinned, unpinned and dropped, the GC runs (compacting) and new arrays take their place; the new
// arrays are pinned and used through pointers, some through a span pin. The stale poison of the old arrays must
// never be reported against the new ones. No report.
using System;
using System.Collections.Generic;

static unsafe class Program
{
    static long Touch(byte[] array)
    {
        long sum = 0;
        fixed (byte* p = array)
            for (int i = 0; i < array.Length; i++) { p[i] = (byte)(i + 1); sum += p[i]; }
        return sum;
    }

    static long TouchSpan(Span<byte> span)
    {
        long sum = 0;
        fixed (byte* p = span)
            for (int i = 0; i < span.Length; i++) sum += p[i];
        return sum;
    }

    static void Main()
    {
        long total = 0;
        var keep = new List<byte[]>();
        for (int round = 0; round < 20; round++)
        {
            for (int k = 0; k < 200; k++)
            {
                var array = new byte[16 + k % 64];
                total += Touch(array);
                if (k % 10 == 0) keep.Add(array);
            }
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            foreach (var array in keep) total += Touch(array) + TouchSpan(array);
            if (keep.Count > 100) keep.RemoveRange(0, 50);
        }
        Console.WriteLine($"total {total}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: total {{[0-9]+}}
// CHECK-NOT: ERROR:
