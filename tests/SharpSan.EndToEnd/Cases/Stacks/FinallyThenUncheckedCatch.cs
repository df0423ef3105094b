// An exception thrown through three checked frames crosses a finally block in a fourth, then Task.RunSynchronously
// (BCL code) swallows it: the frame whose finally ran is gone too, and the later overflow's stack is exact.
using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

static unsafe class Program
{
    static void StaleOne() => StaleTwo();
    static void StaleTwo() => StaleThree();
    static void StaleThree() => throw new InvalidOperationException("boom");

    static void StaleWithFinally()
    {
        try
        {
            StaleOne();
        }
        finally
        {
            Console.WriteLine("finally ran");
        }
    }

    static void Overflow(int* p, int n)
    {
        p[n] = 1;
    }

    static void Main()
    {
        new Task(StaleWithFinally).RunSynchronously();
        int* p = (int*)NativeMemory.Alloc(16);
        Overflow(p, 4);
        NativeMemory.Free(p);
    }
}
// CHECK: finally ran
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 4
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Overflow(int*, int) {{.*}}FinallyThenUncheckedCatch.cs:[[@LINE-14]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FinallyThenUncheckedCatch.cs:[[@LINE-8]]
// CHECK-NOT: Stale
// CHECK: is located 0 bytes to the right of 16-byte region
// CHECK-NOT: Stale
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}FinallyThenUncheckedCatch.cs:[[@LINE-19]] in Program.Overflow(int*, int)
