// A helper that allocates is called 2,000 times from one line of Main (each block freed at once), then once from
// another line; that block is freed and read. Every call is a new activation of the helper: the allocation stack
// must name Main's later line, not the hot loop's.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static byte* Make(int fill)
    {
        byte* p = (byte*)NativeMemory.Alloc(24);
        p[0] = (byte)fill;
        return p;
    }

    static void Main()
    {
        long sum = 0;
        for (int i = 0; i < 2000; i++)
        {
            byte* p = Make(i);
            sum += p[0];
            NativeMemory.Free(p);
        }
        Console.WriteLine($"made {sum}");
        byte* late = Make(7);
        NativeMemory.Free(late);
        Console.WriteLine(late[2]);
    }
}
// CHECK: made {{[0-9]+}}
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address
// CHECK-NEXT: READ of size 1 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterFreeFromHotHelper.cs:[[@LINE-6]]
// CHECK: previously allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Make(int) {{.*}}UseAfterFreeFromHotHelper.cs:[[@LINE-26]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterFreeFromHotHelper.cs:[[@LINE-12]]
// CHECK: SUMMARY: AddressSanitizer: heap-use-after-free {{.*}}UseAfterFreeFromHotHelper.cs:[[@LINE-11]] in Program.Main()
