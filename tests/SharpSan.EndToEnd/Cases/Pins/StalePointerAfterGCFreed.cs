// The array behind a `fixed` pointer becomes garbage after the block and a collection frees it; the kept pointer
// is then read: it points at memory the GC took back. The case checks (through a weak reference) that the array
// was really collected before the read.
using System;
using System.Runtime.CompilerServices;

static unsafe class Program
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static long* Fill(out WeakReference alive)
    {
        var data = new long[6];
        alive = new WeakReference(data);
        fixed (long* p = data)
        {
            p[2] = 5;
            return p;
        }
    }

    static void Main()
    {
        long* stale = Fill(out var alive);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        Console.WriteLine(alive.IsAlive ? "still alive" : "collected");
        Console.WriteLine(stale[2]);
    }
}
// CHECK: collected
// CHECK: ERROR: AddressSanitizer: use-after-unpin on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 8 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StalePointerAfterGCFreed.cs:[[@LINE-6]]
// CHECK-NEXT: [[ADDR]] is located 16 bytes inside of 48-byte managed long[6]
// CHECK-NEXT: which the GC freed after its pin ended
// CHECK-NEXT: unpinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Fill({{.*}}) {{.*}}StalePointerAfterGCFreed.cs:[[@LINE-18]]
// CHECK: SUMMARY: AddressSanitizer: use-after-unpin {{.*}}StalePointerAfterGCFreed.cs:[[@LINE-11]] in Program.Main()
