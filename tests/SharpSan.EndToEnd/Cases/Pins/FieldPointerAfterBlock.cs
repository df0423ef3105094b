// `fixed` over a field of a class instance (&node.Payload.Second, a field of a struct inside the object): the
// pointer outlives the block and is read afterwards.
using System;

struct Pair
{
    public long First, Second;
}

sealed class Node
{
    public int Id;
    public Pair Payload;
}

static unsafe class Program
{
    static long* Keep(Node node)
    {
        long* kept;
        fixed (long* p = &node.Payload.Second)
        {
            *p = 42;
            kept = p;
        }
        return kept;
    }

    static void Main()
    {
        var node = new Node { Id = 1 };
        long* stale = Keep(node);
        Console.WriteLine($"kept {node.Payload.Second}");
        Console.WriteLine(*stale);
    }
}
// CHECK: kept 42
// CHECK: ERROR: AddressSanitizer: use-after-unpin on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 8 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FieldPointerAfterBlock.cs:[[@LINE-6]]
// CHECK-NEXT: [[ADDR]] is located 16 bytes inside of 24-byte managed Node
// CHECK-NEXT: unpinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Keep(Node) {{.*}}FieldPointerAfterBlock.cs:[[@LINE-18]]
// CHECK: previously pinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Keep(Node) {{.*}}FieldPointerAfterBlock.cs:[[@LINE-24]]
// CHECK: SUMMARY: AddressSanitizer: use-after-unpin {{.*}}FieldPointerAfterBlock.cs:[[@LINE-12]] in Program.Main()
