// An off-by-one loop reads the int just past a 16-byte NativeMemory.Alloc block.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Sum(int* values, int count)
    {
        int sum = 0;
        for (int i = 0; i <= count; i++)
            sum += values[i];
        return sum;
    }

    static void Main()
    {
        int* values = (int*)NativeMemory.Alloc(16);
        for (int i = 0; i < 4; i++) values[i] = i;
        Console.WriteLine("before");
        Console.WriteLine(Sum(values, 4));
        Console.WriteLine("not reached");
        NativeMemory.Free(values);
    }
}
// CHECK: before
// CHECK: =================================================================
// CHECK-NEXT: =={{[0-9]+}}==ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Sum(int*, int) {{.*}}/Cases/Heap/IntOverflowRead.cs:[[@LINE-18]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}/Cases/Heap/IntOverflowRead.cs:[[@LINE-10]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes to the right of 16-byte region [{{0x[0-9a-f]+}},[[ADDR]])
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x0000 in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}IntOverflowRead.cs:[[@LINE-17]]
// CHECK: Shadow bytes around the buggy address:
// CHECK: Shadow byte legend (one shadow byte represents 8 application bytes):
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}IntOverflowRead.cs:[[@LINE-26]] in Program.Sum(int*, int)
// CHECK-NOT: not reached
