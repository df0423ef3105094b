// Impossible allocation sizes fail as they do without SharpSan: OutOfMemoryException, never a tiny block.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static string Try(Func<IntPtr> allocate)
    {
        try
        {
            IntPtr p = allocate();
            return p == IntPtr.Zero ? "null" : "allocated";
        }
        catch (Exception e)
        {
            return e.GetType().Name;
        }
    }

    static void Main()
    {
        Console.WriteLine("Alloc(max): " + Try(() => (IntPtr)NativeMemory.Alloc(nuint.MaxValue)));
        Console.WriteLine("AllocZeroed(max - 8): " + Try(() => (IntPtr)NativeMemory.AllocZeroed(nuint.MaxValue - 8)));
        Console.WriteLine("AlignedAlloc(max - 8, 64): " + Try(() => (IntPtr)NativeMemory.AlignedAlloc(nuint.MaxValue - 8, 64)));
        Console.WriteLine("AllocHGlobal(max): " + Try(() => Marshal.AllocHGlobal(nint.MaxValue)));
        Console.WriteLine("done");
    }
}
// CHECK-NOT: ERROR:
// CHECK: Alloc(max): OutOfMemoryException
// CHECK-NEXT: AllocZeroed(max - 8): OutOfMemoryException
// CHECK-NEXT: AlignedAlloc(max - 8, 64): OutOfMemoryException
// CHECK-NEXT: AllocHGlobal(max): OutOfMemoryException
// CHECK-NEXT: done
// CHECK-NOT: ERROR:
