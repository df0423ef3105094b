// An exception thrown through three checked frames, caught and rethrown (`throw;`) by a fourth, caught for good in
// Main: the later overflow's stack is Main and the callee. (Exact before the fix too: a guard.)
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void StaleOne() => StaleTwo();
    static void StaleTwo() => StaleThree();
    static void StaleThree() => throw new InvalidOperationException("boom");

    static void StaleRethrowing()
    {
        try
        {
            StaleOne();
        }
        catch (InvalidOperationException)
        {
            Console.WriteLine("rethrowing");
            throw;
        }
    }

    static void Overflow(int* p, int n)
    {
        p[n] = 1;
    }

    static void Main()
    {
        try { StaleRethrowing(); } catch (InvalidOperationException e) { Console.WriteLine("caught " + e.Message); }
        int* p = (int*)NativeMemory.Alloc(16);
        Overflow(p, 4);
        NativeMemory.Free(p);
    }
}
// CHECK: rethrowing
// CHECK: caught boom
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 4
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Overflow(int*, int) {{.*}}RethrowCaughtInCheckedCode.cs:[[@LINE-15]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}RethrowCaughtInCheckedCode.cs:[[@LINE-9]]
// CHECK-NOT: Stale
// CHECK: is located 0 bytes to the right of 16-byte region
// CHECK-NOT: Stale
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}RethrowCaughtInCheckedCode.cs:[[@LINE-20]] in Program.Overflow(int*, int)
