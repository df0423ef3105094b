// An async method awaits a task that throws through three checked frames on a pool thread, catches the exception
// across the await and overflows: the continuation runs inline on that pool thread, after the task machinery (BCL
// code) caught the exception, and its report holds only the async method's frames.
using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

static class Program
{
    static unsafe int* s_buffer;

    static void StaleOne() => StaleTwo();
    static void StaleTwo() => StaleThree();
    static void StaleThree() => throw new InvalidOperationException("boom");

    static unsafe void Overflow(int n)
    {
        s_buffer[n] = 1;
    }

    static async Task AwaitFaulted(Task faulting)
    {
        try
        {
            await faulting;
        }
        catch (InvalidOperationException)
        {
            Console.WriteLine("caught on pool thread: " + Thread.CurrentThread.IsThreadPoolThread);
        }
        Overflow(4);
    }

    static unsafe void Main()
    {
        s_buffer = (int*)NativeMemory.Alloc(16);
        var faulting = new Task(StaleOne);
        var waiting = AwaitFaulted(faulting);
        faulting.Start();
        waiting.Wait();
    }
}
// CHECK: caught on pool thread: True
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 4
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Overflow(int) {{.*}}AsyncContinuationAfterCaughtFault.cs:[[@LINE-28]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.<AwaitFaulted>d__{{[0-9]+}}.MoveNext() {{.*}}AsyncContinuationAfterCaughtFault.cs:[[@LINE-16]]
// CHECK-NOT: Stale
// CHECK: is located 0 bytes to the right of 16-byte region
// CHECK-NOT: Stale
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}AsyncContinuationAfterCaughtFault.cs:[[@LINE-33]] in Program.Overflow(int)
