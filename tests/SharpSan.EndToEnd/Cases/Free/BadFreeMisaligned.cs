// Freeing a misaligned pointer into a pinned managed array: no allocator returns such an address.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static readonly byte[] s_data = GC.AllocateArray<byte>(64, pinned: true);

    static void Main()
    {
        fixed (byte* p = s_data)
        {
            NativeMemory.Free(p + 3);
        }
        Console.WriteLine("unreachable");
    }
}
// CHECK: ERROR: AddressSanitizer: attempting free on address which was not malloc()-ed: [[ADDR:0x[0-9a-f]+]] in thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BadFreeMisaligned.cs:[[@LINE-7]]
// CHECK: [[ADDR]] is located at a misaligned address no allocator returns
// CHECK: SUMMARY: AddressSanitizer: bad-free {{.*}}BadFreeMisaligned.cs:[[@LINE-9]] in Program.Main()
// CHECK-NOT: unreachable
