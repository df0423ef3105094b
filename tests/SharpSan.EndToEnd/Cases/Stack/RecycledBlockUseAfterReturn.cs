// After thousands of calls whose buffers were recycled through the fake stack's block cache, a pointer that
// escapes its method still meets after-return poison: reading it is a stack-use-after-return naming the frame.
using System;

static unsafe class Program
{
    static int Churn(int k)
    {
        byte* b = stackalloc byte[8 + k % 300];
        b[0] = (byte)k;
        return b[0];
    }

    static byte* MakeHeader()
    {
        byte* header = stackalloc byte[8];
        header[0] = 0x7f;
        return header;
    }

    static void Main()
    {
        int sum = 0;
        for (int k = 0; k < 5000; k++) sum += Churn(k);
        Console.WriteLine($"churn {sum}");
        byte* h = MakeHeader();
        for (int k = 0; k < 100; k++) sum += Churn(k);
        Console.WriteLine(h[0]);
    }
}
// CHECK: churn 629340
// CHECK: ERROR: AddressSanitizer: stack-use-after-return on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}RecycledBlockUseAfterReturn.cs:[[@LINE-6]]
// CHECK-NEXT: Address [[ADDR]] is located in stack of thread T0 at offset 32 in frame
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.MakeHeader() {{.*}}RecycledBlockUseAfterReturn.cs:[[@LINE-20]]
// CHECK: [32, 40) 'stackalloc at IL_{{[0-9a-f]+}}' (line [[@LINE-21]]) <== Memory access at offset 32 is inside this variable
// CHECK: SUMMARY: AddressSanitizer: stack-use-after-return {{.*}}RecycledBlockUseAfterReturn.cs:[[@LINE-10]] in Program.Main()
