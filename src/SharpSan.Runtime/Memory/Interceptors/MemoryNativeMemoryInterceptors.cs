using SharpSan.Runtime.Common.Stacks;
using NM = System.Runtime.InteropServices.NativeMemory;

namespace SharpSan.Runtime.Memory.Interceptors;

/// <summary>
/// MemorySanitizer's view of <see cref="System.Runtime.InteropServices.NativeMemory"/>: the real allocator serves every
/// call; fresh and freed bytes become undefined, zeroed, cleared and filled bytes defined, copies carry their shadow.
/// </summary>
public static unsafe class MemoryNativeMemoryInterceptors
{
    const string Target = "System.Runtime.InteropServices.NativeMemory";
    static readonly int s_alloc = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.Alloc(nuint)");
    static readonly int s_allocCount = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.Alloc(nuint, nuint)");
    static readonly int s_alignedAlloc = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.AlignedAlloc(nuint, nuint)");
    static readonly int s_realloc = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.Realloc(void*, nuint)");
    static readonly int s_alignedRealloc = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.AlignedRealloc(void*, nuint, nuint)");
    static readonly int s_free = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.Free(void*)");
    static readonly int s_alignedFree = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.AlignedFree(void*)");

    [Intercepts(Target, "Alloc", Sanitizer = "memory")]
    public static void* Alloc(nuint byteCount)
    {
        void* p = NM.Alloc(byteCount);
        MemoryBookkeeping.Allocated(p, byteCount, s_alloc);
        return p;
    }

    [Intercepts(Target, "Alloc", Sanitizer = "memory")]
    public static void* Alloc(nuint elementCount, nuint elementSize)
    {
        void* p = NM.Alloc(elementCount, elementSize);
        MemoryBookkeeping.Allocated(p, elementCount * elementSize, s_allocCount);
        return p;
    }

    [Intercepts(Target, "AllocZeroed", Sanitizer = "memory")]
    public static void* AllocZeroed(nuint byteCount)
    {
        void* p = NM.AllocZeroed(byteCount);
        MemoryBookkeeping.AllocatedZeroed(p, byteCount);
        return p;
    }

    [Intercepts(Target, "AllocZeroed", Sanitizer = "memory")]
    public static void* AllocZeroed(nuint elementCount, nuint elementSize)
    {
        void* p = NM.AllocZeroed(elementCount, elementSize);
        MemoryBookkeeping.AllocatedZeroed(p, elementCount * elementSize);
        return p;
    }

    [Intercepts(Target, "AlignedAlloc", Sanitizer = "memory")]
    public static void* AlignedAlloc(nuint byteCount, nuint alignment)
    {
        void* p = NM.AlignedAlloc(byteCount, alignment);
        MemoryBookkeeping.Allocated(p, byteCount, s_alignedAlloc);
        return p;
    }

    [Intercepts(Target, "Realloc", Sanitizer = "memory")]
    public static void* Realloc(void* ptr, nuint byteCount) =>
        MemoryBookkeeping.Reallocate(ptr, byteCount, (p, n) => (nint)NM.Realloc((void*)p, n), s_realloc);

    [Intercepts(Target, "AlignedRealloc", Sanitizer = "memory")]
    public static void* AlignedRealloc(void* ptr, nuint byteCount, nuint alignment) =>
        MemoryBookkeeping.Reallocate(ptr, byteCount, (p, n) => (nint)NM.AlignedRealloc((void*)p, n, alignment), s_alignedRealloc);

    [Intercepts(Target, "Free", Sanitizer = "memory")]
    public static void Free(void* ptr)
    {
        MemoryBookkeeping.Freeing(ptr, s_free);
        NM.Free(ptr);
    }

    [Intercepts(Target, "AlignedFree", Sanitizer = "memory")]
    public static void AlignedFree(void* ptr)
    {
        MemoryBookkeeping.Freeing(ptr, s_alignedFree);
        NM.AlignedFree(ptr);
    }

    [Intercepts(Target, "Clear", Sanitizer = "memory")]
    public static void Clear(void* ptr, nuint byteCount)
    {
        NM.Clear(ptr, byteCount);
        MemoryBookkeeping.Defined(ptr, byteCount);
    }

    [Intercepts(Target, "Fill", Sanitizer = "memory")]
    public static void Fill(void* ptr, nuint byteCount, byte value)
    {
        NM.Fill(ptr, byteCount, value);
        MemoryBookkeeping.Defined(ptr, byteCount);
    }
}
