// An exception filter (`when`) in a checked frame declines an exception thrown through three checked frames, so it
// goes on into Task.RunSynchronously (BCL code), which swallows it. The filter ran on top of the throwing frames;
// the method that held it is left by the exception as well, and neither shows up under the later overflow.
using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

static unsafe class Program
{
    static void StaleOne() => StaleTwo();
    static void StaleTwo() => StaleThree();
    static void StaleThree() => throw new InvalidOperationException("boom");

    static bool Declines(Exception e)
    {
        Console.WriteLine("filter saw " + e.Message);
        return false;
    }

    static void StaleFiltering()
    {
        try
        {
            StaleOne();
        }
        catch (Exception e) when (Declines(e))
        {
            Console.WriteLine("not reached");
        }
    }

    static void Overflow(int* p, int n)
    {
        p[n] = 1;
    }

    static void Main()
    {
        new Task(StaleFiltering).RunSynchronously();
        int* p = (int*)NativeMemory.Alloc(16);
        Overflow(p, 4);
        NativeMemory.Free(p);
    }
}
// CHECK: filter saw boom
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 4
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Overflow(int*, int) {{.*}}FilterDeclinesThenUncheckedCatch.cs:[[@LINE-14]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FilterDeclinesThenUncheckedCatch.cs:[[@LINE-8]]
// CHECK-NOT: Stale
// CHECK: is located 0 bytes to the right of 16-byte region
// CHECK-NOT: Stale
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}FilterDeclinesThenUncheckedCatch.cs:[[@LINE-19]] in Program.Overflow(int*, int)
// CHECK-NOT: not reached
