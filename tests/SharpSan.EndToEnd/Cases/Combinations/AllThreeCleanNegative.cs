// address,memory,thread together on correct code: pooled and native buffers handed between threads with proper
// synchronisation, all bytes written before use. Nothing may be reported by any of the three tools.
using System;
using System.Buffers;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

unsafe static class Program
{
    static void Main()
    {
        long* data = (long*)NativeMemory.AllocZeroed(16, sizeof(long));
        Parallel.For(0, 16, i => data[i] = i * 2);
        byte[] rented = ArrayPool<byte>.Shared.Rent(64);
        var fill = Task.Run(() => { for (int i = 0; i < 64; i++) rented[i] = (byte)i; });
        fill.Wait();
        long sum = 0;
        for (int i = 0; i < 16; i++)
            if (data[i] > 4) sum += data[i];
        for (int i = 0; i < 64; i++)
            if (rented[i] > 60) sum += rented[i];
        ArrayPool<byte>.Shared.Return(rented);
        NativeMemory.Free(data);
        Console.WriteLine($"sum {sum}");
    }
}
// SANITIZE: address,memory,thread
// CHECK-NOT: ThreadSanitizer
// CHECK-NOT: ERROR:
// CHECK-NOT: WARNING:
// CHECK: sum 420
// CHECK-NOT: WARNING:
// CHECK-NOT: ERROR:
// CHECK-NOT: ThreadSanitizer
