// new Span<int>(p, 5) over a 16-byte block: checked once, when the span is made.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Sum(Span<int> values)
    {
        int s = 0;
        foreach (int v in values) s += v;
        return s;
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.AllocZeroed(16);
        var span = new Span<int>(p, 5);
        Console.WriteLine(Sum(span));
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 20 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Span<T>..ctor(void*, int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}SpanFromPointerOverflow.cs:[[@LINE-7]]
// CHECK-NEXT: is located 0 bytes to the right of 16-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}SpanFromPointerOverflow.cs:[[@LINE-9]] in Program.Main()
