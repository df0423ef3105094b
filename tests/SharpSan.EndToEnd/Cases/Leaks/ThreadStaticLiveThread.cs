// A block kept only in a [ThreadStatic] of a dedicated thread that is still running (blocked) at exit. LeakSanitizer
// would scan that thread's TLS; .NET offers no way to read another thread's [ThreadStatic] values, so SharpSan
// reports the block and says why it could not see the root.
using System;
using System.Runtime.InteropServices;
using System.Threading;

static unsafe class Program
{
    [ThreadStatic] static byte* t_buffer;

    static void Main()
    {
        using var ready = new ManualResetEventSlim();
        var worker = new Thread(() =>
        {
            t_buffer = (byte*)NativeMemory.Alloc(72);
            ready.Set();
            Thread.Sleep(Timeout.Infinite);
        }) { IsBackground = true };
        worker.Start();
        ready.Wait();
        Console.WriteLine("worker holds its buffer");
    }
}
// CHECK: worker holds its buffer
// CHECK: ERROR: LeakSanitizer: detected memory leaks
// CHECK: Direct leak of 72 byte(s) in 1 object(s) allocated from:
// CHECK: note: .NET cannot read the [ThreadStatic] values (Program.t_buffer) of live threads other than the main thread, the exiting thread and idle thread-pool threads: blocks referenced only from those are reported as leaks
// CHECK: SUMMARY: AddressSanitizer: 72 byte(s) leaked in 1 allocation(s).
