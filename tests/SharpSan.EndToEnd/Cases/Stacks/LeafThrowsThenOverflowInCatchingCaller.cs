// A leaf method with a check throws into its caller's catch; the caller then overflows: the report's innermost frame
// is the caller at its line, and the leaf frame the exception left is gone.
using System;
using System.Runtime.InteropServices;

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
        catch (InvalidOperationException) { Console.WriteLine("caught"); }
        return p[8];
    }

    static void Main()
    {
        s_data = (byte*)NativeMemory.AllocZeroed(8);
        Console.WriteLine(CatchingCaller(s_data));
        NativeMemory.Free(s_data);
    }
}
// CHECK: caught
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: READ of size 1
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.CatchingCaller(byte*) {{.*}}LeafThrowsThenOverflowInCatchingCaller.cs:[[@LINE-13]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LeafThrowsThenOverflowInCatchingCaller.cs:[[@LINE-8]]
// CHECK-NOT: StaleLeaf
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow
