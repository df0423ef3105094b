// Recursion deeper than a shadow-stack block holds (about 65,000 frames) folds the deepest frames onto its last frame
// slot; the ints after that slot point at the thread's fake stack, which folding must not overwrite. Every level keeps
// a stack buffer and reads it after its callee returned: the folded levels share one frame slot, and a callee's return
// must not retire its folded callers' buffers (the ring fills, deeper buffers come from malloc). A buffer of the
// thread's first frame stays intact under the recursion, and an overflow at the bottom is still reported at its line.
using System;
using System.Threading;

static unsafe class Program
{
    const int Depth = 70_000;

    static int Leaf(int overflowAt)
    {
        int* b = stackalloc int[4];
        for (int i = 0; i < 4; i++) b[i] = i;
        b[overflowAt] = 7;
        return b[0] + b[3];
    }

    static long Descend(int depth, int overflowAt)
    {
        int* level = stackalloc int[2];
        level[1] = 1;
        long below = depth > 0 ? Descend(depth - 1, overflowAt) : Leaf(overflowAt);
        return below + level[1];
    }

    static long Top(int overflowAt)
    {
        long* mine = stackalloc long[2];
        mine[0] = 11;
        mine[1] = Descend(Depth, overflowAt);
        return mine[0] + mine[1];
    }

    static void Main(string[] args)
    {
        long clean = 0;
        // A big stack, so that the uninstrumented program goes as deep.
        var t = new Thread(() => clean = Top(2), 512 << 20);
        t.Start();
        t.Join();
        Console.WriteLine($"clean {clean}");
        int overflowAt = args.Length == 0 ? 4 : 3;
        var u = new Thread(() => Top(overflowAt), 512 << 20);
        u.Start();
        u.Join();
        Console.WriteLine("not reached");
    }
}
// CHECK: clean 70015
// CHECK: ERROR: AddressSanitizer: stack-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 4 at [[ADDR]] thread T{{[0-9]+}}
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Leaf(int) {{.*}}DeeperThanShadowStackBlock.cs:[[@LINE-38]]
// CHECK: [32, 48) 'stackalloc at IL_{{[0-9a-f]+}}' (line [[@LINE-41]]) <== Memory access at offset 48 overflows this variable
// CHECK: SUMMARY: AddressSanitizer: stack-buffer-overflow {{.*}}DeeperThanShadowStackBlock.cs:[[@LINE-40]] in Program.Leaf(int)
// CHECK-NOT: not reached
