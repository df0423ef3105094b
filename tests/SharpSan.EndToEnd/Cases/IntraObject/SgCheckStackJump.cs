// A strided loop whose first store lands in one stackalloc buffer and whose second store jumps straight into
// another one, over the redzones between them: the shadow sees two addressable bytes, SGCheck's heuristic sees one
// instruction leave the buffer it was bound to — stack-buffer-overflow, described by the buffer it landed in.
using System;

namespace Demo;

static unsafe class Program
{
    static void Mark(byte* p, long stride, int count)
    {
        for (int k = 0; k < count; k++)
            p[k * stride] = 1;
    }

    static void Main()
    {
        byte* first = stackalloc byte[64];
        byte* second = stackalloc byte[64];
        Mark(first, 16, 4);
        Console.WriteLine($"marked {first[48]}");
        Mark(first, second - first, 2);
        Console.WriteLine("not reached");
    }
}
// CHECK: marked 1
// CHECK: ERROR: AddressSanitizer: stack-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Mark(byte*, long, int) {{.*}}SgCheckStackJump.cs:[[@LINE-16]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}SgCheckStackJump.cs:[[@LINE-8]]
// CHECK-NEXT: Address [[ADDR]] is located in stack of thread T0 at offset 32 in frame
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main()
// CHECK: [32, 96) 'stackalloc at IL_{{[0-9a-f]+}}' (line [[@LINE-14]]) <== Memory access at offset 32 is inside this variable
// CHECK: the instruction first accessed 64-byte stackalloc buffer [{{0x[0-9a-f]+}},{{0x[0-9a-f]+}}) of Demo.Program.Main() {{.*}}SgCheckStackJump.cs:[[@LINE-16]] in this activation
// CHECK: SUMMARY: AddressSanitizer: stack-buffer-overflow {{.*}}SgCheckStackJump.cs:[[@LINE-22]] in Demo.Program.Mark(byte*, long, int)
// CHECK-NOT: not reached
