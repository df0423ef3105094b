// The production shape of a stale `fixed` pointer: the pin ends, a compacting collection moves the array, and the
// pointer kept from the block is written through — into the memory the array left, which the GC may have handed
// to any other object. The case checks (under fresh pins) that the array really moved before the write.
using System;
using System.Runtime.CompilerServices;

static unsafe class Program
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static object[] Garbage()
    {
        var garbage = new object[2000];
        for (int i = 0; i < garbage.Length; i++) garbage[i] = new byte[64];
        return garbage;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static nuint AddressOf(int[] array)
    {
        fixed (int* p = array) return (nuint)p;
    }

    static void Main()
    {
        var before = Garbage();
        var data = new int[8];
        int* kept;
        fixed (int* p = data)
        {
            kept = p;
            p[0] = 1;
        }
        before = null;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        nuint now = AddressOf(data);
        Console.WriteLine(now != (nuint)kept && (now >= (nuint)(kept + 8) || now + 32 <= (nuint)kept) ? "moved" : "did not move");
        kept[1] = 2;
        Console.WriteLine(data[0]);
    }
}
// CHECK: moved
// CHECK: ERROR: AddressSanitizer: use-after-unpin on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StalePointerAfterGCMove.cs:[[@LINE-7]]
// CHECK-NEXT: [[ADDR]] is located 4 bytes inside of 32-byte managed int[8]
// CHECK-NEXT: which the GC moved to [0x{{[0-9a-f]+}},0x{{[0-9a-f]+}}) after its pin ended
// CHECK-NEXT: unpinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StalePointerAfterGCMove.cs:[[@LINE-17]]
// CHECK: previously pinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StalePointerAfterGCMove.cs:[[@LINE-23]]
// CHECK: SUMMARY: AddressSanitizer: use-after-unpin {{.*}}StalePointerAfterGCMove.cs:[[@LINE-14]] in Program.Main()
// CHECK-NOT: {{^}}1{{$}}
