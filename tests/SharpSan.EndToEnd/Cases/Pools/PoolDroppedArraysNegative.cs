// Rented arrays may legally be dropped without a Return. Once the GC collects them their poisoned tail must
// not linger: new pinned-heap arrays that reuse the memory are accessed in full without reports.
using System;
using System.Buffers;

static class Program
{
    static void RentAndDrop()
    {
        for (int i = 0; i < 2000; i++)
        {
            byte[] a = ArrayPool<byte>.Shared.Rent(1 + i % 500);
            a[0] = 1;
        }
    }

    static void Main()
    {
        RentAndDrop();
        for (int k = 0; k < 3; k++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        GC.Collect();
        long sum = 0;
        for (int i = 0; i < 2000; i++)
        {
            byte[] pinned = GC.AllocateArray<byte>(512, pinned: true);
            for (int j = 0; j < pinned.Length; j++) pinned[j] = 1;
            for (int j = 0; j < pinned.Length; j++) sum += pinned[j];
        }
        Console.WriteLine($"sum={sum}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum=1024000
// CHECK-NOT: ERROR:
