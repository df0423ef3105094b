// A block allocated on the main thread overflows on a second thread: the report names both threads.
using System;
using System.Runtime.InteropServices;
using System.Threading;

static unsafe class Program
{
    static short* s_data;

    static void Worker()
    {
        for (int i = 0; i <= 10; i++)
            s_data[i] = (short)i;
    }

    static void Main()
    {
        s_data = (short*)NativeMemory.Alloc(20);
        var t = new Thread(Worker);
        t.Start();
        t.Join();
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 2 at {{0x[0-9a-f]+}} thread T1
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Worker() {{.*}}OverflowOnWorkerThread.cs:[[@LINE-13]]
// CHECK-NEXT: is located 0 bytes to the right of 20-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}OverflowOnWorkerThread.cs:[[@LINE-12]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}OverflowOnWorkerThread.cs:[[@LINE-18]] in Program.Worker()
