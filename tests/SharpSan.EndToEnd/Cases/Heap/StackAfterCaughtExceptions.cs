// Exceptions unwind through several instrumented frames and are caught; a later overflow must show only
// the frames that are really on the stack (no stale frames left behind by the unwinding).
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Deep(byte* p, int depth)
    {
        if (depth == 0) throw new InvalidOperationException("deep");
        return Deep(p, depth - 1) + p[depth];
    }

    static void Thrower(byte* p)
    {
        try { Deep(p, 6); }
        finally { p[0]++; }
    }

    static int ReadPast(byte* p, int n)
    {
        return p[n];
    }

    static void Main()
    {
        byte* p = (byte*)NativeMemory.AllocZeroed(8);
        for (int i = 0; i < 3; i++)
        {
            try { Thrower(p); }
            catch (InvalidOperationException) { Console.WriteLine($"caught {i}"); }
        }
        Console.WriteLine(ReadPast(p, 8));
    }
}
// CHECK: caught 2
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 1 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.ReadPast(byte*, int) {{.*}}StackAfterCaughtExceptions.cs:[[@LINE-17]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StackAfterCaughtExceptions.cs:[[@LINE-7]]
// CHECK-NEXT: is located 0 bytes to the right of 8-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.AllocZeroed(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StackAfterCaughtExceptions.cs:[[@LINE-17]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}StackAfterCaughtExceptions.cs:[[@LINE-23]] in Program.ReadPast(byte*, int)
