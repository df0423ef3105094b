// Zero-byte allocations return usable (non-null, distinct) pointers that are freed normally.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        void* a = NativeMemory.Alloc(0);
        void* b = NativeMemory.Alloc(0);
        void* z = NativeMemory.AllocZeroed(0);
        void* c = NativeMemory.AlignedAlloc(0, 64);
        IntPtr h = Marshal.AllocHGlobal(0);
        IntPtr t = Marshal.AllocCoTaskMem(0);
        var empty = new Span<byte>(a, 0);
        Console.WriteLine($"nonnull={a != null && b != null && z != null && c != null} distinct={a != b} empty={empty.Length}");
        void* r = NativeMemory.Alloc(16);
        r = NativeMemory.Realloc(r, 0);
        Console.WriteLine($"realloc to 0: {(r != null ? "non-null" : "null")}");
        NativeMemory.Free(r);
        NativeMemory.Free(a);
        NativeMemory.Free(b);
        NativeMemory.Free(z);
        NativeMemory.AlignedFree(c);
        Marshal.FreeHGlobal(h);
        Marshal.FreeCoTaskMem(t);
    }
}
// CHECK-NOT: ERROR:
// CHECK: nonnull=True distinct=True empty=0
// CHECK-NEXT: realloc to 0: non-null
// CHECK-NOT: ERROR:
