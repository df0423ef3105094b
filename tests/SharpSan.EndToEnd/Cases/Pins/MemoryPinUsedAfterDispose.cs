// Memory<T>.Pin gives a MemoryHandle; its pointer is kept and written through after the handle is disposed (the
// `using` block ended the pin).
using System;

static unsafe class Program
{
    static void Main()
    {
        var data = new short[16];
        Memory<short> memory = data;
        short* kept;
        using (var handle = memory.Pin())
        {
            kept = (short*)handle.Pointer;
            kept[0] = 1;
        }
        Console.WriteLine("disposed");
        kept[5] = 7;
    }
}
// CHECK: disposed
// CHECK: ERROR: AddressSanitizer: use-after-unpin on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 2 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MemoryPinUsedAfterDispose.cs:[[@LINE-6]]
// CHECK-NEXT: [[ADDR]] is located 10 bytes inside of 32-byte managed short[16]
// CHECK-NEXT: unpinned by thread T0 here:
// CHECK-NEXT: #0 {{.*}} in System.Buffers.MemoryHandle.Dispose()
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MemoryPinUsedAfterDispose.cs:[[@LINE-12]]
// CHECK: previously pinned by thread T0 here:
// CHECK-NEXT: #0 {{.*}} in System.Memory<T>.Pin()
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MemoryPinUsedAfterDispose.cs:[[@LINE-19]]
// CHECK: SUMMARY: AddressSanitizer: use-after-unpin {{.*}}MemoryPinUsedAfterDispose.cs:[[@LINE-14]] in Program.Main()
