// `fixed` over a ReadOnlySpan<int> converted from an array's Span (values.AsSpan(), then the implicit conversion): the
// pointer outlives the block through a static and is read by the caller. Reported as use-after-unpin on the array.
using System;

static unsafe class Program
{
    static int* s_cursor;

    static void Start(int[] values)
    {
        ReadOnlySpan<int> items = values.AsSpan();
        fixed (int* p = items)
        {
            s_cursor = p;
        }
    }

    static void Main()
    {
        var values = new int[] { 1, 2, 3 };
        Start(values);
        Console.WriteLine(s_cursor[1]);
    }
}
// CHECK: ERROR: AddressSanitizer: use-after-unpin on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ReadOnlySpanOverArrayAfterBlock.cs:[[@LINE-5]]
// CHECK: unpinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Start(int[]) {{.*}}ReadOnlySpanOverArrayAfterBlock.cs:[[@LINE-14]]
// CHECK: previously pinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Start(int[]) {{.*}}ReadOnlySpanOverArrayAfterBlock.cs:[[@LINE-19]]
// CHECK: SUMMARY: AddressSanitizer: use-after-unpin {{.*}}ReadOnlySpanOverArrayAfterBlock.cs:[[@LINE-10]] in Program.Main()
