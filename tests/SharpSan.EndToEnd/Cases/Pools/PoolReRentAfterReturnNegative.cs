// The same buffer size rented and returned many times: once arrays leave the quarantine they are handed out
// again, and the new renter may use the whole (new) requested length, including bytes past the old request.
using System;
using System.Buffers;

static class Program
{
    static void Main()
    {
        var seen = new System.Collections.Generic.HashSet<ushort[]>();
        int reused = 0;
        for (int round = 0; round < 300; round++)
        {
            int n = round % 2 == 0 ? 20 : 32;
            ushort[] a = ArrayPool<ushort>.Shared.Rent(n);
            if (!seen.Add(a)) reused++;
            for (int i = 0; i < n; i++) a[i] = (ushort)(a[i] + 1);
            ArrayPool<ushort>.Shared.Return(a);
        }
        Console.WriteLine($"reused={(reused > 0)}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: reused=True
// CHECK-NOT: ERROR:
