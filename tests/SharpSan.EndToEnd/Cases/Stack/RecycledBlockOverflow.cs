// The fake stack hands a block that left the after-return FIFO to the next stackalloc of its size class. Here
// 1,000 calls fill 60-byte buffers (every byte addressable then), so the 16-byte buffer below gets one of those
// recycled blocks: its redzone must be poisoned again, and writing p[4] is still a stack-buffer-overflow at offset 48.
using System;

static unsafe class Program
{
    static int Wide(int k)
    {
        byte* b = stackalloc byte[60];
        for (int i = 0; i < 60; i++) b[i] = (byte)(k + i);
        return b[59];
    }

    static int Narrow(int n)
    {
        int* p = stackalloc int[4];
        for (int i = 0; i <= n; i++)
            p[i] = i;
        return p[0];
    }

    static void Main()
    {
        int sum = 0;
        for (int k = 0; k < 1000; k++) sum += Wide(k);
        Console.WriteLine($"wide {sum}");
        Console.WriteLine(Narrow(3));
        Console.WriteLine(Narrow(4));
        Console.WriteLine("not reached");
    }
}
// CHECK: wide 129444
// CHECK-NEXT: 0
// CHECK: ERROR: AddressSanitizer: stack-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Narrow(int) {{.*}}RecycledBlockOverflow.cs:[[@LINE-18]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}RecycledBlockOverflow.cs:[[@LINE-9]]
// CHECK-NEXT: Address [[ADDR]] is located in stack of thread T0 at offset 48 in frame
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Narrow(int) {{.*}}RecycledBlockOverflow.cs:[[@LINE-23]]
// CHECK: [32, 48) 'stackalloc at IL_{{[0-9a-f]+}}' (line [[@LINE-24]]) <== Memory access at offset 48 overflows this variable
// CHECK: SUMMARY: AddressSanitizer: stack-buffer-overflow {{.*}}RecycledBlockOverflow.cs:[[@LINE-23]] in Program.Narrow(int)
// CHECK-NOT: not reached
