// A filter (`when`) runs before the frames between it and the throw are unwound, and the methods it calls reuse
// their shadow slots; the finally blocks that run afterwards, while those frames unwind, then report from them:
// the overflow in Cleanup's finally must still show Cleanup, Outer and Main.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int* s_buffer;

    static void Thrower() => throw new InvalidOperationException("boom");

    static void Cleanup()
    {
        try
        {
            Thrower();
        }
        finally
        {
            s_buffer[4] = 1;
        }
    }

    static void Outer() => Cleanup();

    static int Depth(int n) => n == 0 ? s_buffer[0] : Depth(n - 1);

    static bool Logs(Exception e)
    {
        Console.WriteLine("filter " + Depth(3));
        return e is InvalidOperationException;
    }

    static void Main()
    {
        s_buffer = (int*)NativeMemory.AllocZeroed(16);
        try { Outer(); } catch (Exception e) when (Logs(e)) { }
    }
}
// CHECK: filter 0
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 4
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Cleanup() {{.*}}FilterCallsThenFinallyReports.cs:[[@LINE-23]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Outer() {{.*}}FilterCallsThenFinallyReports.cs:[[@LINE-20]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FilterCallsThenFinallyReports.cs:[[@LINE-8]]
// CHECK: is located 0 bytes to the right of 16-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}FilterCallsThenFinallyReports.cs:[[@LINE-27]] in Program.Cleanup()
// XFAIL: the filter's methods push their frames where the frames still to be unwound (Cleanup, Outer) sit, so the finally that runs after it reports under their names; before this branch too. A filter needs its own frame above the throwing frames that reports skip.
