// The fake stack's per-thread ring (1 MiB) wraps while Main's buffer is still live: 200 calls of 30,000-byte buffers
// (6 MB) must neither overwrite Main's bytes nor clear its redzones (the calls that find no room before it get a
// malloc'd block instead), so the sums are exact and the overflow of Main's buffer afterwards is still reported.
using System;

static unsafe class Program
{
    static int Churn(int k)
    {
        byte* b = stackalloc byte[30000];
        b[0] = (byte)k;
        b[29999] = (byte)(k + 1);
        return b[0] + b[29999];
    }

    static void Main(string[] args)
    {
        byte* live = stackalloc byte[64];
        for (int i = 0; i < 64; i++) live[i] = (byte)i;
        long sum = 0;
        for (int k = 0; k < 200; k++) sum += Churn(k);
        long check = 0;
        for (int i = 0; i < 64; i++) check += live[i];
        Console.WriteLine($"sum {sum} check {check}");
        int n = args.Length == 0 ? 64 : 63;
        live[n] = 1;
        Console.WriteLine("not reached");
    }
}
// CHECK: sum 40000 check 2016
// CHECK: ERROR: AddressSanitizer: stack-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main(string[]) {{.*}}RingKeepsLiveBufferWhileWrapping.cs:[[@LINE-7]]
// CHECK-NEXT: Address [[ADDR]] is located in stack of thread T0 at offset 96 in frame
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main(string[]) {{.*}}RingKeepsLiveBufferWhileWrapping.cs:[[@LINE-17]]
// CHECK: [32, 96) 'stackalloc at IL_{{[0-9a-f]+}}' (line [[@LINE-18]]) <== Memory access at offset 96 overflows this variable
// CHECK: SUMMARY: AddressSanitizer: stack-buffer-overflow {{.*}}RingKeepsLiveBufferWhileWrapping.cs:[[@LINE-11]] in Program.Main(string[])
// CHECK-NOT: not reached
