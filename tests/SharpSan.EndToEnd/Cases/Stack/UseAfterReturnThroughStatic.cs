// The escaping pointer is parked in a static field and written later by another method.
using System;

static unsafe class Program
{
    static int* s_scratch;

    static void Setup()
    {
        int* buffer = stackalloc int[4];
        s_scratch = buffer;
    }

    static void Use() => s_scratch[2] = 42;

    static void Main()
    {
        Setup();
        Use();
        Console.WriteLine("not reached");
    }
}
// CHECK: ERROR: AddressSanitizer: stack-use-after-return on address
// CHECK-NEXT: WRITE of size 4 at {{0x[0-9a-f]+}} thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Use() {{.*}}UseAfterReturnThroughStatic.cs:[[@LINE-11]]
// CHECK: 'stackalloc at IL_{{[0-9a-f]+}}' (line [[@LINE-16]]) <== Memory access at offset 40 is inside this variable
// CHECK: SUMMARY: AddressSanitizer: stack-use-after-return
// CHECK-NOT: not reached
