// A strided read loop bound to one RVA table on its first iteration lands, on its second, inside another RVA
// table, having skipped the redzone between them: the shadow sees an addressable byte, SGCheck's heuristic sees
// the instruction leave its table — global-buffer-overflow, naming the table it landed in.
using System;

namespace Demo;

static class Tables
{
    public static ReadOnlySpan<byte> Low => new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 };
    public static ReadOnlySpan<byte> High => new byte[] { 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223 };
}

static unsafe class Program
{
    static int Gather(byte* table, long stride, int count)
    {
        int sum = 0;
        for (int k = 0; k < count; k++) sum += table[k * stride];
        return sum;
    }

    static void Main()
    {
        fixed (byte* low = Tables.Low)
        fixed (byte* high = Tables.High)
        {
            Console.WriteLine($"gathered {Gather(low, 5, 4)}");
            Console.WriteLine($"gathered {Gather(low, high - low, 2)}");
        }
        Console.WriteLine("not reached");
    }
}
// CHECK: gathered 34
// CHECK: ERROR: AddressSanitizer: global-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Gather(byte*, long, int) {{.*}}SgCheckGlobalJump.cs:[[@LINE-18]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}SgCheckGlobalJump.cs:[[@LINE-9]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes inside of global variable 'Demo.Tables.get_High' (static data, {{0x[0-9a-f]+}}) of size 24
// CHECK-NEXT: the instruction first accessed global variable 'Demo.Tables.get_Low' [{{0x[0-9a-f]+}},{{0x[0-9a-f]+}}) in this activation
// CHECK: SUMMARY: AddressSanitizer: global-buffer-overflow {{.*}}SgCheckGlobalJump.cs:[[@LINE-22]] in Demo.Program.Gather(byte*, long, int)
// CHECK-NOT: not reached
