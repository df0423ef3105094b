// Invalid arguments to intercepted APIs throw the same exceptions as without SharpSan, and nothing is reported.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static string Try(Action action)
    {
        try { action(); return "ok"; }
        catch (Exception e) { return e.GetType().Name; }
    }

    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(64);
        byte* q = (byte*)NativeMemory.Alloc(64);
        Console.WriteLine("AllocHGlobal(-1): " + Try(() => Marshal.AllocHGlobal(-1)));
        Console.WriteLine("AlignedAlloc(16, 3): " + Try(() => NativeMemory.AlignedAlloc(16, 3)));
        Console.WriteLine("AlignedRealloc(p, 16, 3): " + Try(() => NativeMemory.AlignedRealloc(null, 16, 3)));
        Console.WriteLine("Span(p, -1): " + Try(() => new Span<int>(p, -1)));
        Console.WriteLine("MemoryCopy(too long): " + Try(() => Buffer.MemoryCopy(p, q, 4, 8)));
        Console.WriteLine("Marshal.Copy(bad index): " + Try(() => Marshal.Copy(new byte[4], 2, (IntPtr)p, 4)));
        Console.WriteLine("PtrToStringAnsi(0): " + (Marshal.PtrToStringAnsi(IntPtr.Zero) ?? "null"));
        NativeMemory.Free(p);
        NativeMemory.Free(q);
    }
}
// CHECK-NOT: ERROR:
// CHECK: AllocHGlobal(-1): OutOfMemoryException
// CHECK-NEXT: AlignedAlloc(16, 3): ArgumentException
// CHECK-NEXT: AlignedRealloc(p, 16, 3): ArgumentException
// CHECK-NEXT: Span(p, -1): ArgumentOutOfRangeException
// CHECK-NEXT: MemoryCopy(too long): ArgumentOutOfRangeException
// CHECK-NEXT: Marshal.Copy(bad index): ArgumentOutOfRangeException
// CHECK-NEXT: PtrToStringAnsi(0): null
// CHECK-NOT: ERROR:
