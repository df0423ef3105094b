// Writing one int past a stackalloc'd buffer of four is a stack-buffer-overflow; the report names the frame
// and the buffer (the IL offset of its stackalloc) and where the access falls relative to it.
using System;

static unsafe class Program
{
    static int Fill(int n)
    {
        int* p = stackalloc int[4];
        for (int i = 0; i <= n; i++)
            p[i] = i;
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
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Fill(int) {{.*}}Overflow.cs:[[@LINE-14]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}Overflow.cs:[[@LINE-8]]
// CHECK-NEXT: Address [[ADDR]] is located in stack of thread T0 at offset 48 in frame
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Fill(int) {{.*}}Overflow.cs:[[@LINE-19]]
// CHECK: This frame has 1 object(s):
// CHECK-NEXT: [32, 48) 'stackalloc at IL_{{[0-9a-f]+}}' (line [[@LINE-21]]) <== Memory access at offset 48 overflows this variable
// CHECK: SUMMARY: AddressSanitizer: stack-buffer-overflow {{.*}}Overflow.cs:[[@LINE-20]] in Program.Fill(int)
// CHECK-NOT: not reached
