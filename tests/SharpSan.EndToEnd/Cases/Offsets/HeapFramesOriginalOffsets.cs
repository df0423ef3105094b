// Frames print the IL offset of the instruction in the ORIGINAL method (what ildasm and ILSpy show, what a
// suppression can name), not its offset in the rewritten body, which grows with every check SharpSan inserts before
// it. [[@IL(Method: opcode)]] is that offset, read from the uninstrumented assembly.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Fill(int* p, int n)
    {
        p[0] = -1;
        p[1] = -2;
        for (int i = 2; i <= n; i++)
            p[i] = i;
    }

    static void Main()
    {
        int* values = (int*)NativeMemory.Alloc(16);
        Console.WriteLine("before");
        Fill(values, 4);
        Console.WriteLine("not reached");
        NativeMemory.Free(values);
    }
}
// CHECK: before
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x[[@IL(Fill: stind.i4 #3)]] in Program.Fill(int*, int) {{.*}}HeapFramesOriginalOffsets.cs:[[@LINE-15]]
// CHECK-NEXT: #1 0x[[@IL(Main: call Fill)]] in Program.Main() {{.*}}HeapFramesOriginalOffsets.cs:[[@LINE-9]]
// CHECK: allocated by thread T0 here:
// CHECK-NEXT: #0 0x0000 in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x[[@IL(Main: call Alloc)]] in Program.Main() {{.*}}HeapFramesOriginalOffsets.cs:[[@LINE-14]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}HeapFramesOriginalOffsets.cs:[[@LINE-20]] in Program.Fill(int*, int)
// CHECK-NOT: not reached
