// An exception thrown through three checked frames is swallowed by Task.RunSynchronously (BCL code, not
// instrumented): the overflow reported afterwards shows only the live frames, not the three the exception left.
using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

static unsafe class Program
{
    static void StaleOne() => StaleTwo();
    static void StaleTwo() => StaleThree();
    static void StaleThree() => throw new InvalidOperationException("boom");

    static void Overflow(int* p, int n)
    {
        p[n] = 1;
    }

    static void Main()
    {
        var task = new Task(StaleOne);
        task.RunSynchronously();
        Console.WriteLine("faulted: " + task.IsFaulted);
        int* p = (int*)NativeMemory.Alloc(16);
        Overflow(p, 4);
        NativeMemory.Free(p);
    }
}
// CHECK: faulted: True
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 4
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Overflow(int*, int) {{.*}}UncheckedCatchThenCallee.cs:[[@LINE-16]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UncheckedCatchThenCallee.cs:[[@LINE-8]]
// CHECK-NOT: Stale
// CHECK: is located 0 bytes to the right of 16-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UncheckedCatchThenCallee.cs:[[@LINE-14]]
// CHECK-NOT: Stale
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}UncheckedCatchThenCallee.cs:[[@LINE-24]] in Program.Overflow(int*, int)
