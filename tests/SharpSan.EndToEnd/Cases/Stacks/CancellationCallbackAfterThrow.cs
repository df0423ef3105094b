// CancellationTokenSource.Cancel (BCL code) runs every callback, catching what each throws: the first one throws
// through three checked frames, the next overflows. Its report shows the callback and Main, nothing the first left.
using System;
using System.Runtime.InteropServices;
using System.Threading;

static unsafe class Program
{
    static int* s_buffer;

    static void StaleOne() => StaleTwo();
    static void StaleTwo() => StaleThree();
    static void StaleThree() => throw new InvalidOperationException("boom");

    static void OverflowingCallback()
    {
        s_buffer[4] = 1;
    }

    static void Main()
    {
        s_buffer = (int*)NativeMemory.Alloc(16);
        using var cts = new CancellationTokenSource();
        cts.Token.Register(OverflowingCallback);
        cts.Token.Register(StaleOne);   // callbacks run last registered first
        try
        {
            cts.Cancel();
        }
        catch (AggregateException e)
        {
            Console.WriteLine("callbacks threw " + e.InnerExceptions.Count);
        }
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 4
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.OverflowingCallback() {{.*}}CancellationCallbackAfterThrow.cs:[[@LINE-21]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}CancellationCallbackAfterThrow.cs:[[@LINE-11]]
// CHECK-NOT: Stale
// CHECK: is located 0 bytes to the right of 16-byte region
// CHECK-NOT: Stale
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}CancellationCallbackAfterThrow.cs:[[@LINE-26]] in Program.OverflowingCallback()
