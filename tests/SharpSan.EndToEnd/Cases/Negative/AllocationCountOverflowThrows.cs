// NativeMemory.Alloc/AllocZeroed(count, size) whose product overflows fail as they do without SharpSan: OutOfMemoryException.
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
        Console.WriteLine("Alloc(max/2, 4): " + Try(() => (IntPtr)NativeMemory.Alloc(nuint.MaxValue / 2, 4)));
        Console.WriteLine("AllocZeroed(max/2, 4): " + Try(() => (IntPtr)NativeMemory.AllocZeroed(nuint.MaxValue / 2, 4)));
        Console.WriteLine("done");
    }
}
// CHECK-NOT: ERROR:
// CHECK: Alloc(max/2, 4): OutOfMemoryException
// CHECK-NEXT: AllocZeroed(max/2, 4): OutOfMemoryException
// CHECK-NEXT: done
// CHECK-NOT: ERROR:
