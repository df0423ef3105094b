// `fixed` over spans of stackalloc'd and native memory: such memory never moves, so its pointer stays valid after
// the block, even across a compacting collection (and these spans must never be poisoned as unpinned). No report.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int FromStack()
    {
        Span<int> local = stackalloc int[16];
        int* kept;
        fixed (int* p = local) kept = p;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        for (int i = 0; i < 16; i++) kept[i] = i;
        return local[15];
    }

    static void Main()
    {
        byte* native = (byte*)NativeMemory.Alloc(64);
        var span = new Span<byte>(native, 64);
        byte* kept;
        fixed (byte* p = span) kept = p;
        ReadOnlySpan<byte> view = span;
        fixed (byte* q = view) kept[1] = q[0];
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        kept[63] = 9;
        Console.WriteLine($"values {FromStack()} {span[63]}");
        NativeMemory.Free(native);
    }
}
// CHECK-NOT: ERROR:
// CHECK: values 15 9
// CHECK-NOT: ERROR:
