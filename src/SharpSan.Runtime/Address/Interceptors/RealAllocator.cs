using System.Runtime.InteropServices;
using SharpSan.Runtime.Address.Allocator;

namespace SharpSan.Runtime.Address.Interceptors;

/// <summary>The BCL allocators: for memory SharpSan did not allocate, and for requests it could not serve (an internal error).</summary>
internal static unsafe class RealAllocator
{
    public static void* Allocate(ulong size, nuint alignment, AllocationFamily family, bool zero)
    {
        if (size > nuint.MaxValue) throw new OutOfMemoryException();
        void* p = family switch
        {
            AllocationFamily.NativeMemoryAligned => NativeMemory.AlignedAlloc((nuint)size, alignment),
            AllocationFamily.HGlobal => (void*)Marshal.AllocHGlobal((nint)size),
            AllocationFamily.CoTaskMem => (void*)Marshal.AllocCoTaskMem(checked((int)size)),
            _ => NativeMemory.Alloc((nuint)size),
        };
        if (zero) NativeMemory.Clear(p, (nuint)size);
        return p;
    }

    public static void* Realloc(void* p, ulong size, nuint alignment, AllocationFamily family) => family switch
    {
        AllocationFamily.NativeMemoryAligned => NativeMemory.AlignedRealloc(p, (nuint)size, alignment),
        AllocationFamily.HGlobal => (void*)Marshal.ReAllocHGlobal((nint)p, (nint)size),
        AllocationFamily.CoTaskMem => (void*)Marshal.ReAllocCoTaskMem((nint)p, checked((int)size)),
        _ => NativeMemory.Realloc(p, (nuint)size),
    };

    public static void Free(void* p, AllocationFamily family)
    {
        switch (family)
        {
            case AllocationFamily.NativeMemory: NativeMemory.Free(p); break;
            case AllocationFamily.NativeMemoryAligned: NativeMemory.AlignedFree(p); break;
            case AllocationFamily.HGlobal: Marshal.FreeHGlobal((nint)p); break;
            case AllocationFamily.CoTaskMem: Marshal.FreeCoTaskMem((nint)p); break;
        }
    }
}
