// Small helpers whose only calls are their own checks keep a leaf frame with no fault handler, so the JIT inlines
// them into the loop; an overflow inside one still reports the helper, its caller and Main, each at its line.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

static unsafe class Program
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static uint Read32(byte* p) => *(uint*)p;

    static ulong Sum(byte* data, int length)
    {
        ulong sum = 0;
        for (int i = 0; i <= length; i += 4) sum += Read32(data + i);
        return sum;
    }

    static void Main()
    {
        byte* data = (byte*)NativeMemory.AllocZeroed(64);
        Console.WriteLine("sum " + Sum(data, 64));
        NativeMemory.Free(data);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: READ of size 4
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Read32(byte*) {{.*}}LeafHelperOverflowOptimized.cs:[[@LINE-18]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Sum(byte*, int) {{.*}}LeafHelperOverflowOptimized.cs:[[@LINE-14]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LeafHelperOverflowOptimized.cs:[[@LINE-8]]
// CHECK: is located 0 bytes to the right of 64-byte region
// CHECK-NOT: sum
// OPTIMIZE: true
