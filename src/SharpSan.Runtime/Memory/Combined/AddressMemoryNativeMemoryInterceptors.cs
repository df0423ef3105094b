using SharpSan.Runtime.Address.Interceptors;
using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Memory.Interceptors;

namespace SharpSan.Runtime.Memory.Combined;

/// <summary>
/// <see cref="System.Runtime.InteropServices.NativeMemory"/> under address+memory: ASan's interceptor serves the call
/// (redzones, quarantine, range checks), then the definedness shadow follows: fresh and grown bytes undefined, zeroed,
/// cleared and filled bytes defined, copies carry their shadow, freed bytes defined (ASan owns their misuse).
/// </summary>
public static unsafe class AddressMemoryNativeMemoryInterceptors
{
    const string Target = "System.Runtime.InteropServices.NativeMemory", Both = "address+memory";
    static readonly int s_alloc = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.Alloc(nuint)");
    static readonly int s_allocCount = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.Alloc(nuint, nuint)");
    static readonly int s_alignedAlloc = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.AlignedAlloc(nuint, nuint)");
    static readonly int s_realloc = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.Realloc(void*, nuint)");
    static readonly int s_alignedRealloc = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.AlignedRealloc(void*, nuint, nuint)");

    [Intercepts(Target, "Alloc", Sanitizer = Both)]
    public static void* Alloc(nuint byteCount)
    {
        void* p = NativeMemoryInterceptors.Alloc(byteCount);
        MemoryBookkeeping.Allocated(p, byteCount, s_alloc);
        return p;
    }

    [Intercepts(Target, "Alloc", Sanitizer = Both)]
    public static void* Alloc(nuint elementCount, nuint elementSize)
    {
        void* p = NativeMemoryInterceptors.Alloc(elementCount, elementSize);
        MemoryBookkeeping.Allocated(p, elementCount * elementSize, s_allocCount);
        return p;
    }

    [Intercepts(Target, "AllocZeroed", Sanitizer = Both)]
    public static void* AllocZeroed(nuint byteCount)
    {
        void* p = NativeMemoryInterceptors.AllocZeroed(byteCount);
        MemoryBookkeeping.Defined(p, byteCount);
        return p;
    }

    [Intercepts(Target, "AllocZeroed", Sanitizer = Both)]
    public static void* AllocZeroed(nuint elementCount, nuint elementSize)
    {
        void* p = NativeMemoryInterceptors.AllocZeroed(elementCount, elementSize);
        MemoryBookkeeping.Defined(p, elementCount * elementSize);
        return p;
    }

    [Intercepts(Target, "AlignedAlloc", Sanitizer = Both)]
    public static void* AlignedAlloc(nuint byteCount, nuint alignment)
    {
        void* p = NativeMemoryInterceptors.AlignedAlloc(byteCount, alignment);
        MemoryBookkeeping.Allocated(p, byteCount, s_alignedAlloc);
        return p;
    }

    [Intercepts(Target, "Realloc", Sanitizer = Both)]
    public static void* Realloc(void* ptr, nuint byteCount)
    {
        nuint oldSize = CombinedBookkeeping.BlockSize(ptr);
        void* p = NativeMemoryInterceptors.Realloc(ptr, byteCount);
        CombinedBookkeeping.Reallocated(ptr, oldSize, p, byteCount, s_realloc);
        return p;
    }

    [Intercepts(Target, "AlignedRealloc", Sanitizer = Both)]
    public static void* AlignedRealloc(void* ptr, nuint byteCount, nuint alignment)
    {
        nuint oldSize = CombinedBookkeeping.BlockSize(ptr);
        void* p = NativeMemoryInterceptors.AlignedRealloc(ptr, byteCount, alignment);
        CombinedBookkeeping.Reallocated(ptr, oldSize, p, byteCount, s_alignedRealloc);
        return p;
    }

    [Intercepts(Target, "Free", Sanitizer = Both)]
    public static void Free(void* ptr)
    {
        CombinedBookkeeping.Freeing(ptr);
        NativeMemoryInterceptors.Free(ptr);
    }

    [Intercepts(Target, "AlignedFree", Sanitizer = Both)]
    public static void AlignedFree(void* ptr)
    {
        CombinedBookkeeping.Freeing(ptr);
        NativeMemoryInterceptors.AlignedFree(ptr);
    }

    [Intercepts(Target, "Copy", Sanitizer = Both)]
    public static void Copy(void* source, void* destination, nuint byteCount)
    {
        NativeMemoryInterceptors.Copy(source, destination, byteCount);
        MemoryBookkeeping.Copied(destination, source, byteCount);
    }

    [Intercepts(Target, "Clear", Sanitizer = Both)]
    public static void Clear(void* ptr, nuint byteCount)
    {
        NativeMemoryInterceptors.Clear(ptr, byteCount);
        MemoryBookkeeping.Defined(ptr, byteCount);
    }

    [Intercepts(Target, "Fill", Sanitizer = Both)]
    public static void Fill(void* ptr, nuint byteCount, byte value)
    {
        NativeMemoryInterceptors.Fill(ptr, byteCount, value);
        MemoryBookkeeping.Defined(ptr, byteCount);
    }
}
