// BCL span algorithms over native memory: Sort, BinarySearch, CopyTo, SequenceEqual, IndexOf, Reverse.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        const int n = 500;
        int* a = (int*)NativeMemory.Alloc(n * sizeof(int));
        int* b = (int*)Marshal.AllocHGlobal(n * sizeof(int));
        var sa = new Span<int>(a, n);
        var sb = new Span<int>(b, n);
        for (int i = 0; i < n; i++) sa[i] = (i * 7919) % n;
        sa.Sort();
        sa.CopyTo(sb);
        sb.Reverse();
        sb.Reverse();
        int found = sa.BinarySearch(n - 1);
        int index = sb.IndexOf(250);
        Console.WriteLine($"equal={sa.SequenceEqual(sb)} found={found} index={index} first={a[0]} last={b[n - 1]}");
        NativeMemory.Free(a);
        Marshal.FreeHGlobal((IntPtr)b);
    }
}
// CHECK-NOT: ERROR:
// CHECK: equal=True found=499 index=250 first=0 last=499
// CHECK-NOT: ERROR:
