// A write one byte before a stackalloc'd buffer is a stack-buffer-underflow.
using System;

static unsafe class Program
{
    static int Prepend()
    {
        byte* p = stackalloc byte[16];
        p[-1] = 1;
        return p[0];
    }

    static void Main()
    {
        Console.WriteLine(Prepend());
    }
}
// CHECK: ERROR: AddressSanitizer: stack-buffer-underflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Prepend() {{.*}}Underflow.cs:[[@LINE-11]]
// CHECK: Address [[ADDR]] is located in stack of thread T0 at offset 31 in frame
// CHECK: [32, 48) 'stackalloc at IL_{{[0-9a-f]+}}' (line [[@LINE-14]]) <== Memory access at offset 31 underflows this variable
// CHECK: SUMMARY: AddressSanitizer: stack-buffer-underflow {{.*}}Underflow.cs:[[@LINE-14]] in Program.Prepend()
