// A stack buffer is named by the IL offset of its stackalloc in the ORIGINAL method ('stackalloc at IL_xxxx', the
// label ildasm prints), and the frames of the access and of the buffer's owner print original offsets too.
using System;

static unsafe class Program
{
    static int Fill(int n)
    {
        int total = n * 2;
        int* p = stackalloc int[4];
        for (int i = 0; i <= n; i++)
            p[i] = total + i;
        return p[0];
    }

    static void Main()
    {
        Console.WriteLine("before");
        Console.WriteLine(Fill(4));
        Console.WriteLine("not reached");
    }
}
// CHECK: before
// CHECK: ERROR: AddressSanitizer: stack-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x[[@IL(Fill: stind.i4)]] in Program.Fill(int) {{.*}}StackallocOriginalOffset.cs:[[@LINE-14]]
// CHECK-NEXT: #1 0x[[@IL(Main: call Fill)]] in Program.Main() {{.*}}StackallocOriginalOffset.cs:[[@LINE-8]]
// CHECK-NEXT: Address [[ADDR]] is located in stack of thread T0 at offset 48 in frame
// CHECK-NEXT: #0 0x[[@IL(Fill: localloc)]] in Program.Fill(int) {{.*}}StackallocOriginalOffset.cs:[[@LINE-19]]
// CHECK: This frame has 1 object(s):
// CHECK-NEXT: [32, 48) 'stackalloc at IL_[[@IL(Fill: localloc)]]' (line [[@LINE-21]]) <== Memory access at offset 48 overflows this variable
// CHECK: SUMMARY: AddressSanitizer: stack-buffer-overflow {{.*}}StackallocOriginalOffset.cs:[[@LINE-20]] in Program.Fill(int)
// CHECK-NOT: not reached
