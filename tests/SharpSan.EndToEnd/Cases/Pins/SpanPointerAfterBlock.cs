// `fixed` over a span made from an array (GetPinnableReference pins the array behind it): the pointer is kept and
// read after the block ended, when the GC may already have moved the array. Reported like `fixed` over the array.
using System;

static unsafe class Program
{
    static int Checksum(int[] values)
    {
        int* kept;
        Span<int> tail = values.AsSpan(2);
        fixed (int* p = tail)
        {
            kept = p;
        }
        return kept[1];
    }

    static void Main()
    {
        Console.WriteLine("start");
        Console.WriteLine(Checksum(new[] { 1, 2, 3, 4, 5 }));
    }
}
// CHECK: start
// CHECK: ERROR: AddressSanitizer: use-after-unpin on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Checksum(int[]) {{.*}}SpanPointerAfterBlock.cs:[[@LINE-12]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}SpanPointerAfterBlock.cs:[[@LINE-7]]
// CHECK-NEXT: [[ADDR]] is located 12 bytes inside of 20-byte managed int[5]
// CHECK-NEXT: unpinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Checksum(int[]) {{.*}}SpanPointerAfterBlock.cs:[[@LINE-17]]
// CHECK: previously pinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Checksum(int[]) {{.*}}SpanPointerAfterBlock.cs:[[@LINE-22]]
// CHECK: SUMMARY: AddressSanitizer: use-after-unpin {{.*}}SpanPointerAfterBlock.cs:[[@LINE-19]] in Program.Checksum(int[])
