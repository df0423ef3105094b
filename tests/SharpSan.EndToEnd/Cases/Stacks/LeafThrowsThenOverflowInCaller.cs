// A leaf method (its own check, then a throw) leaves its frame on the shadow stack when the exception escapes: caught
// in Main, then swallowed by the task machinery (the leaf as the delegate itself), then thrown again through a caller
// that catches it. Each time the next overflow reports Main (or the caller) innermost, never the dead leaf frame.
using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

static unsafe class Program
{
    static byte* s_data;

    static void StaleLeaf()
    {
        if (s_data[0] == 0) throw new InvalidOperationException("boom");
    }

    static int CatchingCaller(byte* p)
    {
        try { StaleLeaf(); }
        catch (InvalidOperationException) { }
        return p[8];
    }

    static void Main(string[] args)
    {
        s_data = (byte*)NativeMemory.AllocZeroed(8);
        try { StaleLeaf(); }
        catch (InvalidOperationException) { Console.WriteLine("caught"); }
        new Task(StaleLeaf).RunSynchronously();
        Console.WriteLine("swallowed");
        if (args.Length == 0) s_data[8] = 1;
        CatchingCaller(s_data);
        NativeMemory.Free(s_data);
    }
}
// CHECK: caught
// CHECK: swallowed
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 1
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main(string[]) {{.*}}LeafThrowsThenOverflowInCaller.cs:[[@LINE-9]]
// CHECK-NOT: StaleLeaf
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow
