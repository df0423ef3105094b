// Guard mode, unsampled blocks: 20,000 blocks of one size class are freed (more than the quarantine holds and far
// more than a thread's cache, so most pass through the class's shared free list) and allocated again, now from that
// list; freeing one of the new blocks twice is still a double-free of its 72-byte region.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        const int n = 20_000;
        var blocks = new nint[n];
        for (int round = 0; round < 2; round++)
        {
            for (int i = 0; i < n; i++) blocks[i] = (nint)NativeMemory.Alloc(72);
            if (round == 1) break;
            for (int i = 0; i < n; i++) NativeMemory.Free((void*)blocks[i]);
        }
        byte* p = (byte*)blocks[n / 2];
        NativeMemory.Free(p);
        NativeMemory.Free(p);
        Console.WriteLine("not reached");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=0
// CHECK: ERROR: AddressSanitizer: attempting double-free on 0x{{[0-9a-f]+}} in thread T0:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HeaderDoubleFreeFromSharedFreeList.cs:[[@LINE-8]]
// CHECK: is located 0 bytes inside of 72-byte region {{.*}}, already freed
// CHECK: SUMMARY: AddressSanitizer: double-free {{.*}}HeaderDoubleFreeFromSharedFreeList.cs:[[@LINE-10]] in Program.Main()
// CHECK-NOT: not reached
