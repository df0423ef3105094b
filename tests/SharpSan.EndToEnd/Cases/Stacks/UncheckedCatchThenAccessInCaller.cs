// After Task.RunSynchronously swallowed an exception thrown through three checked frames, the overflow happens in
// Main itself: the innermost frame of the report is Main, not the frame the exception left on top.
using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

static unsafe class Program
{
    static void StaleOne() => StaleTwo();
    static void StaleTwo() => StaleThree();
    static void StaleThree() => throw new InvalidOperationException("boom");

    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(8);
        new Task(StaleOne).RunSynchronously();
        Console.WriteLine("swallowed");
        p[8] = 1;
        NativeMemory.Free(p);
    }
}
// CHECK: swallowed
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 1
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UncheckedCatchThenAccessInCaller.cs:[[@LINE-7]]
// CHECK-NOT: Stale
// CHECK: is located 0 bytes to the right of 8-byte region
// CHECK-NOT: Stale
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}UncheckedCatchThenAccessInCaller.cs:[[@LINE-11]] in Program.Main()
