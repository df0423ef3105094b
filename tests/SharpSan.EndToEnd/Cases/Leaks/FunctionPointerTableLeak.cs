// A static dispatch table of function pointers (as zstd ports keep) beside a real leak: the table is scanned
// like any other root, and the leak is reported.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static readonly delegate*<int, int>[] s_dispatch = { &Twice, &Square };
    static int Twice(int x) => 2 * x;
    static int Square(int x) => x * x;

    static void Main()
    {
        byte* lost = (byte*)NativeMemory.Alloc(40);
        lost[0] = (byte)s_dispatch[1](3);
        Console.WriteLine($"dispatched {lost[0]}");
        lost = null;
    }
}
// CHECK: dispatched 9
// CHECK-NOT: WARNING
// CHECK: ERROR: LeakSanitizer: detected memory leaks
// CHECK: Direct leak of 40 byte(s) in 1 object(s) allocated from:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FunctionPointerTableLeak.cs:[[@LINE-11]]
// CHECK: SUMMARY: AddressSanitizer: 40 byte(s) leaked in 1 allocation(s).
// CHECK-NOT: WARNING
