// The bad read happens in an expression-bodied member, whose only sequence point is at IL offset 0:
// the rewriter must keep it so that the frame still maps to its line.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int At(int* p, int i) => p[i];

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(8);
        p[0] = 1; p[1] = 2;
        Console.WriteLine(At(p, 0) + At(p, 2));
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.At(int*, int) {{.*}}ExpressionBodiedAccessLine.cs:[[@LINE-11]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ExpressionBodiedAccessLine.cs:[[@LINE-6]]
// CHECK-NEXT: is located 0 bytes to the right of 8-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}ExpressionBodiedAccessLine.cs:[[@LINE-14]] in Program.At(int*, int)
