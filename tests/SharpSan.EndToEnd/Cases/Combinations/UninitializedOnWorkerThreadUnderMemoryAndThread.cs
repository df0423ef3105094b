// Only an uninitialised use under memory,thread, on a worker thread after a properly synchronised hand-off (Join):
// MSan's report with the heap origin, exit code 77, and no race.
using System;
using System.Runtime.InteropServices;
using System.Threading;

unsafe static class Program
{
    static int Count(byte* data, int length)
    {
        int zeros = 0;
        for (int i = 0; i < length; i++)
            if (data[i] == 0) zeros++;
        return zeros;
    }

    static void Main()
    {
        byte* data = (byte*)NativeMemory.Alloc(32);
        var writer = new Thread(() => { for (int i = 0; i < 16; i++) data[i] = (byte)(i % 3); });
        writer.Start();
        writer.Join();
        int zeros = 0;
        var reader = new Thread(() => zeros = Count(data, 32));
        reader.Start();
        reader.Join();
        Console.WriteLine($"zeros {zeros}");
    }
}
// SANITIZE: memory,thread
// CHECK-NOT: ThreadSanitizer
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Count(byte*, int) {{.*}}UninitializedOnWorkerThreadUnderMemoryAndThread.cs:[[@LINE-20]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UninitializedOnWorkerThreadUnderMemoryAndThread.cs:[[@LINE-17]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value
// CHECK-NOT: ThreadSanitizer
// CHECK-NOT: zeros
