// Guard mode with one guarded slot and every second or third allocation sampled: while the slot is taken, samples are
// served unguarded (and capture no stack); once its block is freed, the next sample takes the slot again, and a write
// one byte past that block stops at the faulting access with the block's allocation stack.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Poke(byte* p, int at) => p[at] = 1;

    static void Main()
    {
        var held = new byte*[8];
        for (int i = 0; i < held.Length; i++) held[i] = (byte*)NativeMemory.Alloc(64);   // one of these takes the slot
        long sum = 0;
        for (int i = 0; i < 2000; i++)   // the slot is taken: every sample here is served unguarded
        {
            byte* q = (byte*)NativeMemory.Alloc(64);
            q[63] = 1;
            sum += q[63];
            NativeMemory.Free(q);
        }
        foreach (byte* p in held) NativeMemory.Free(p);   // the slot is free again
        var fresh = new byte*[8];
        for (int i = 0; i < fresh.Length; i++) fresh[i] = (byte*)NativeMemory.Alloc(64);
        for (int i = 0; i < fresh.Length; i++) Poke(fresh[i], 64);
        Console.WriteLine($"not reached {sum}");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=2:guard_max_simultaneous=1:guard_align=right
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address 0x[[ADDR:[0-9a-f]+]]
// CHECK-NEXT: WRITE at 0x[[ADDR]]
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Poke(byte*, int) {{.*}}GuardedSlotReusedAfterFullPool.cs:[[@LINE-25]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}GuardedSlotReusedAfterFullPool.cs:[[@LINE-9]]
// CHECK: Found by SharpSan's guard allocator (--sanitize guard)
// CHECK-NEXT: 0x[[ADDR]] is located 0 bytes to the right of 64-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}GuardedSlotReusedAfterFullPool.cs:[[@LINE-15]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}GuardedSlotReusedAfterFullPool.cs:[[@LINE-32]] in Program.Poke(byte*, int)
// CHECK-NOT: not reached
