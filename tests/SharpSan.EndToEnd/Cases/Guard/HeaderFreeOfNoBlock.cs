// Guard mode, unsampled blocks: a pointer into guard mode's heap that is 16-byte aligned but is no block's start
// (five strides past a live 40-byte block, a block nobody allocated) is a bad-free, found from the address alone. The
// old allocator searched for a header below it, found none that covered it and passed it to libc's free, which aborted.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* a = (byte*)NativeMemory.Alloc(40);
        NativeMemory.Free(a + 240);
        Console.WriteLine("not reached");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=0
// CHECK: ERROR: AddressSanitizer: attempting free on address which was not malloc()-ed: 0x{{[0-9a-f]+}} in thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HeaderFreeOfNoBlock.cs:[[@LINE-8]]
// CHECK: is located in guard mode's heap but at the start of no block
// CHECK: SUMMARY: AddressSanitizer: bad-free {{.*}}HeaderFreeOfNoBlock.cs:[[@LINE-10]] in Program.Main()
// CHECK-NOT: not reached
