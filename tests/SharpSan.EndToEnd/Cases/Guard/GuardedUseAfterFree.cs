// Guard mode with guard_sample_rate=1: a read through a dangling pointer touches the freed slot's dropped page and
// stops there; the report has the read's stack, the free's and the allocation's.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Peek(int* p) => p[3];

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(64);
        p[3] = 42;
        NativeMemory.Free(p);
        Console.WriteLine(Peek(p));
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=1
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address 0x[[ADDR:[0-9a-f]+]]
// CHECK-NEXT: READ at 0x[[ADDR]]
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Peek(int*) {{.*}}GuardedUseAfterFree.cs:[[@LINE-14]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}GuardedUseAfterFree.cs:[[@LINE-8]]
// CHECK: 0x[[ADDR]] is located 12 bytes inside of 64-byte region
// CHECK-NEXT: freed by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}GuardedUseAfterFree.cs:[[@LINE-13]]
// CHECK: previously allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}GuardedUseAfterFree.cs:[[@LINE-18]]
// CHECK: SUMMARY: AddressSanitizer: heap-use-after-free {{.*}}GuardedUseAfterFree.cs:[[@LINE-23]] in Program.Peek(int*)
