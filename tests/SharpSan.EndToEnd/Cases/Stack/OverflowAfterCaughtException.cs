// Frames with stack buffers unwound by an exception leave the bookkeeping consistent: a later overflow in a
// fresh frame is still reported precisely.
using System;

static unsafe class Program
{
    static int Throw(int depth)
    {
        byte* scratch = stackalloc byte[24];
        scratch[23] = 1;
        if (depth == 0) throw new InvalidOperationException("deep");
        return Throw(depth - 1) + scratch[23];
    }

    static int Overrun()
    {
        long* p = stackalloc long[2];
        return (int)p[2];
    }

    static void Main()
    {
        try { Throw(8); } catch (InvalidOperationException e) { Console.WriteLine("caught " + e.Message); }
        Console.WriteLine(Overrun());
    }
}
// CHECK: caught deep
// CHECK: ERROR: AddressSanitizer: stack-buffer-overflow
// CHECK-NEXT: READ of size 8 at {{0x[0-9a-f]+}} thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Overrun() {{.*}}OverflowAfterCaughtException.cs:[[@LINE-12]]
// CHECK: [32, 48) 'stackalloc at IL_{{[0-9a-f]+}}' (line [[@LINE-14]]) <== Memory access at offset 48 overflows this variable
