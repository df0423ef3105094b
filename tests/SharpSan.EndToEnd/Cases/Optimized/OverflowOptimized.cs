// OPTIMIZE: true
// With optimizations on, the overflow and the allocation still map to their source lines.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static long Sum(long* values, int count)
    {
        long sum = 0;
        for (int i = 0; i <= count; i++)
            sum += values[i];
        return sum;
    }

    static void Main()
    {
        Console.WriteLine("start");
        long* values = (long*)NativeMemory.Alloc(4 * sizeof(long));
        for (int i = 0; i < 4; i++) values[i] = i;
        Console.WriteLine(Sum(values, 4));
    }
}
// CHECK: start
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Sum(long*, int) {{.*}}OverflowOptimized.cs:[[@LINE-15]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}OverflowOptimized.cs:[[@LINE-7]]
// CHECK-NEXT: is located 0 bytes to the right of 32-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}OverflowOptimized.cs:[[@LINE-13]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}OverflowOptimized.cs:[[@LINE-21]] in Program.Sum(long*, int)
