// OPTIMIZE: true
// Exceptions thrown by private helpers (no fault handlers), caught by checked callers at two depths, many times over:
// each catch drops the dead frames, so the overflow after the loop names only its method and Main.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Leaf(byte* p, int i)
    {
        if (p[i] == 0) throw new InvalidOperationException("zero");
        return p[i];
    }

    static int Middle(byte* p, int i) => Leaf(p, i) + 1;

    static int Catching(byte* p, int i)
    {
        try { return Middle(p, i); }
        catch (InvalidOperationException) { return -1; }
    }

    static void Overflow(byte* p, int i)
    {
        p[i] = 1;
    }

    static void Main(string[] args)
    {
        byte* p = (byte*)NativeMemory.AllocZeroed(16);
        p[3] = 7;
        long sum = 0;
        for (int round = 0; round < 2000; round++)
        {
            sum += Catching(p, round & 15);
            try { sum += Middle(p, round & 7); }
            catch (InvalidOperationException) { sum--; }
        }
        Console.WriteLine("sum " + sum);
        Overflow(p, args.Length == 0 ? 16 : 15);
        NativeMemory.Free(p);
    }
}
// CHECK: sum
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 1
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Overflow(byte*, int) {{.*}}PrivateThrowsThroughCheckedCatchThenOverflow.cs:[[@LINE-22]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main(string[]) {{.*}}PrivateThrowsThroughCheckedCatchThenOverflow.cs:[[@LINE-8]]
// CHECK-NOT: Leaf
// CHECK-NOT: Middle
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow
