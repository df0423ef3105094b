// Guard mode, unsampled blocks: a block freed on another thread waits in that thread's quarantine batch, not in the
// allocating thread's cache; a second free on the allocating thread still meets its header and is a double-free
// (also after more blocks of the same size class have been allocated and freed on both threads).
using System;
using System.Runtime.InteropServices;
using System.Threading;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(72);
        var t = new Thread(() =>
        {
            NativeMemory.Free(p);
            for (int i = 0; i < 100; i++) NativeMemory.Free(NativeMemory.Alloc(72));
        });
        t.Start();
        t.Join();
        for (int i = 0; i < 100; i++) NativeMemory.Free(NativeMemory.Alloc(72));
        NativeMemory.Free(p);
        Console.WriteLine("not reached");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=0
// CHECK: ERROR: AddressSanitizer: attempting double-free on 0x{{[0-9a-f]+}} in thread T0:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HeaderDoubleFreeAcrossThreads.cs:[[@LINE-8]]
// CHECK: is located 0 bytes inside of 72-byte region {{.*}}, already freed
// CHECK: SUMMARY: AddressSanitizer: double-free {{.*}}HeaderDoubleFreeAcrossThreads.cs:[[@LINE-10]] in Program.Main()
// CHECK-NOT: not reached
