// A pointer that escaped its method is read after 2,000 other calls with stackalloc buffers (about 300 KB, within
// the fake stack's 1 MiB ring, beyond the 256 buffers its old FIFO kept): still a stack-use-after-return naming the frame.
using System;

static unsafe class Program
{
    static int Churn(int k)
    {
        byte* b = stackalloc byte[16 + k % 200];
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
        byte* h = MakeHeader();
        int sum = 0;
        for (int k = 0; k < 2000; k++) sum += Churn(k);
        Console.WriteLine($"churn {sum}");
        Console.WriteLine(h[0]);
    }
}
// CHECK: churn 250008
// CHECK: ERROR: AddressSanitizer: stack-use-after-return on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterReturnAfterManyCalls.cs:[[@LINE-6]]
// CHECK-NEXT: Address [[ADDR]] is located in stack of thread T0 at offset 32 in frame
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.MakeHeader() {{.*}}UseAfterReturnAfterManyCalls.cs:[[@LINE-19]]
// CHECK: [32, 40) 'stackalloc at IL_{{[0-9a-f]+}}' (line [[@LINE-20]]) <== Memory access at offset 32 is inside this variable
// CHECK: SUMMARY: AddressSanitizer: stack-use-after-return {{.*}}UseAfterReturnAfterManyCalls.cs:[[@LINE-10]] in Program.Main()
