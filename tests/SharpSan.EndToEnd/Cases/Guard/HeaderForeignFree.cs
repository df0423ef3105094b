// Guard mode, negative: a block the real allocator handed out (the call goes through a delegate, which SharpSan does
// not redirect, as framework code would) is freed by checked code; with no header of ours it goes back to the real
// allocator: no report, no crash.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        var realAlloc = (Func<int, nint>)Delegate.CreateDelegate(typeof(Func<int, nint>), typeof(Marshal).GetMethod("AllocHGlobal", [typeof(int)])!);
        for (int i = 0; i < 100; i++)
        {
            nint p = realAlloc(64 + i);
            ((byte*)p)[0] = 1;
            Marshal.FreeHGlobal(p);
        }
        Console.WriteLine("freed 100 foreign blocks");
    }
}
// SANITIZE: guard
// CHECK-NOT: ERROR:
// CHECK: freed 100 foreign blocks
// CHECK-NOT: ERROR:
