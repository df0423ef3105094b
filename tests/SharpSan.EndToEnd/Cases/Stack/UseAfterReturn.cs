// A pointer to a stackalloc buffer escapes its method; reading through it after the method returned is a
// stack-use-after-return, reported at the reading line with the frame that owned the buffer.
using System;

static unsafe class Program
{
    static byte* MakeHeader()
    {
        byte* header = stackalloc byte[8];
        header[0] = 0x7f;
        return header;
    }

    static void Main()
    {
        byte* h = MakeHeader();
        Console.WriteLine(h[0]);
    }
}
// CHECK: ERROR: AddressSanitizer: stack-use-after-return on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterReturn.cs:[[@LINE-5]]
// CHECK-NEXT: Address [[ADDR]] is located in stack of thread T0 at offset 32 in frame
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.MakeHeader() {{.*}}UseAfterReturn.cs:[[@LINE-15]]
// CHECK: [32, 40) 'stackalloc at IL_{{[0-9a-f]+}}' (line [[@LINE-16]]) <== Memory access at offset 32 is inside this variable
// CHECK: SUMMARY: AddressSanitizer: stack-use-after-return {{.*}}UseAfterReturn.cs:[[@LINE-9]] in Program.Main()
