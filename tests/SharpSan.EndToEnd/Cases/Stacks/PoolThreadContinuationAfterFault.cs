// A task on a pool thread throws through three checked frames into the task machinery (BCL code), which then runs the
// synchronous continuation on the same pool thread: its report carries the continuation's frames only.
using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

static unsafe class Program
{
    static int* s_buffer;

    static void StaleOne() => StaleTwo();
    static void StaleTwo() => StaleThree();
    static void StaleThree() => throw new InvalidOperationException("boom");

    static void Overflow(int n)
    {
        s_buffer[n] = 1;
    }

    static void AfterFault(Task antecedent)
    {
        Console.WriteLine("pool thread: " + Thread.CurrentThread.IsThreadPoolThread + ", faulted: " + antecedent.IsFaulted);
        Overflow(4);
    }

    static void Main()
    {
        s_buffer = (int*)NativeMemory.Alloc(16);
        var antecedent = new Task(StaleOne);
        var continuation = antecedent.ContinueWith(AfterFault, TaskContinuationOptions.ExecuteSynchronously);
        antecedent.Start();
        continuation.Wait();
    }
}
// CHECK: pool thread: True, faulted: True
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 4
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Overflow(int) {{.*}}PoolThreadContinuationAfterFault.cs:[[@LINE-21]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.AfterFault(System.Threading.Tasks.Task) {{.*}}PoolThreadContinuationAfterFault.cs:[[@LINE-16]]
// CHECK-NOT: Stale
// CHECK: is located 0 bytes to the right of 16-byte region
// CHECK-NOT: Stale
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}PoolThreadContinuationAfterFault.cs:[[@LINE-26]] in Program.Overflow(int)
