using System.Numerics;
using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Common.Stacks;
using NM = System.Runtime.InteropServices.NativeMemory;

namespace SharpSan.Runtime.Address.Interceptors;

/// <summary>Replacements for <see cref="System.Runtime.InteropServices.NativeMemory"/>: allocate from the redzone allocator, check Copy/Fill/Clear.</summary>
public static unsafe class NativeMemoryInterceptors
{
    const string Target = "System.Runtime.InteropServices.NativeMemory";
    static readonly int s_alloc = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.Alloc(nuint)");
    static readonly int s_allocCount = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.Alloc(nuint, nuint)");
    static readonly int s_allocZeroed = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.AllocZeroed(nuint)");
    static readonly int s_allocZeroedCount = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.AllocZeroed(nuint, nuint)");
    static readonly int s_alignedAlloc = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.AlignedAlloc(nuint, nuint)");
    static readonly int s_realloc = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.Realloc(void*, nuint)");
    static readonly int s_alignedRealloc = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.AlignedRealloc(void*, nuint, nuint)");
    static readonly int s_free = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.Free(void*)");
    static readonly int s_alignedFree = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.AlignedFree(void*)");
    static readonly int s_copy = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.Copy(void*, void*, nuint)");
    static readonly int s_clear = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.Clear(void*, nuint)");
    static readonly int s_fill = SyntheticFrames.Register("System.Runtime.InteropServices.NativeMemory.Fill(void*, nuint, byte)");

    [Intercepts(Target, "Alloc")]
    public static void* Alloc(nuint byteCount) => AddressSanitizer.Allocate(byteCount, 16, AllocationFamily.NativeMemory, false, s_alloc);

    [Intercepts(Target, "Alloc")]
    public static void* Alloc(nuint elementCount, nuint elementSize) =>
        AddressSanitizer.Allocate(CheckedProduct(elementCount, elementSize), 16, AllocationFamily.NativeMemory, false, s_allocCount);

    // NativeMemory throws OutOfMemoryException (not OverflowException) when count * size overflows.
    static ulong CheckedProduct(nuint count, nuint size) =>
        Math.BigMul((ulong)count, (ulong)size, out ulong low) == 0 ? low : throw new OutOfMemoryException();

    [Intercepts(Target, "AllocZeroed")]
    public static void* AllocZeroed(nuint byteCount) => AddressSanitizer.Allocate(byteCount, 16, AllocationFamily.NativeMemory, true, s_allocZeroed);

    [Intercepts(Target, "AllocZeroed")]
    public static void* AllocZeroed(nuint elementCount, nuint elementSize) =>
        AddressSanitizer.Allocate(CheckedProduct(elementCount, elementSize), 16, AllocationFamily.NativeMemory, true, s_allocZeroedCount);

    [Intercepts(Target, "AlignedAlloc")]
    public static void* AlignedAlloc(nuint byteCount, nuint alignment)
    {
        if (!BitOperations.IsPow2(alignment)) throw new ArgumentException("The alignment must be a power of two.", nameof(alignment));
        return AddressSanitizer.Allocate(byteCount, alignment, AllocationFamily.NativeMemoryAligned, false, s_alignedAlloc);
    }

    [Intercepts(Target, "Realloc")]
    public static void* Realloc(void* ptr, nuint byteCount) =>
        Reallocation.Move(ptr, byteCount, 16, AllocationFamily.NativeMemory, s_realloc);

    [Intercepts(Target, "AlignedRealloc")]
    public static void* AlignedRealloc(void* ptr, nuint byteCount, nuint alignment)
    {
        if (!BitOperations.IsPow2(alignment)) throw new ArgumentException("The alignment must be a power of two.", nameof(alignment));
        return Reallocation.Move(ptr, byteCount, alignment, AllocationFamily.NativeMemoryAligned, s_alignedRealloc);
    }

    [Intercepts(Target, "Free")]
    public static void Free(void* ptr) => AddressSanitizer.Free(ptr, AllocationFamily.NativeMemory, s_free);

    [Intercepts(Target, "AlignedFree")]
    public static void AlignedFree(void* ptr) => AddressSanitizer.Free(ptr, AllocationFamily.NativeMemoryAligned, s_alignedFree);

    [Intercepts(Target, "Copy")]
    public static void Copy(void* source, void* destination, nuint byteCount)
    {
        AddressSanitizer.CheckRange(source, byteCount, false, s_copy);
        AddressSanitizer.CheckRange(destination, byteCount, true, s_copy);
        NM.Copy(source, destination, byteCount);
    }

    [Intercepts(Target, "Clear")]
    public static void Clear(void* ptr, nuint byteCount)
    {
        AddressSanitizer.CheckRange(ptr, byteCount, true, s_clear);
        NM.Clear(ptr, byteCount);
    }

    [Intercepts(Target, "Fill")]
    public static void Fill(void* ptr, nuint byteCount, byte value)
    {
        AddressSanitizer.CheckRange(ptr, byteCount, true, s_fill);
        NM.Fill(ptr, byteCount, value);
    }
}

/// <summary>Realloc as ASan does it: always a new chunk, so the old pointer is caught as use-after-free.</summary>
internal static unsafe class Reallocation
{
    const string Site = "Reallocation.Move";

    public static void* Move(void* old, ulong newSize, nuint alignment, AllocationFamily family, int apiFrame)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            return MoveChecked(old, newSize, alignment, family, apiFrame);
        }
        catch (Exception e) when (Common.InternalErrors.IsInternal(e))
        {
            return MoveUnchecked(e, old, newSize, alignment, family);
        }
    }

    /// <summary>
    /// After an internal error: the real allocator serves the request. A foreign block is reallocated by it; a chunk of
    /// ours is copied into a real block and left where it is (never handed to a deallocator that does not own it).
    /// </summary>
    static void* MoveUnchecked(Exception e, void* old, ulong newSize, nuint alignment, AllocationFamily family)
    {
        if (old == null || AddressSanitizer.IsForeignOrUnknown(old))
        {
            Common.InternalErrors.Record(Site, e);
            return old == null ? RealAllocator.Allocate(newSize, alignment, family, false) : RealAllocator.Realloc(old, newSize, alignment, family);
        }
        Common.InternalErrors.Record(Site, e, Common.LostTracking.Leaks);
        void* fresh = RealAllocator.Allocate(newSize, alignment, family, false);
        ulong copy = 0;
        try { copy = HeapAllocator.TryGetChunk((nuint)old, out var chunk) ? Math.Min(chunk.UserSize, newSize) : 0; }
        catch (Exception) { }
        if (copy > 0) Buffer.MemoryCopy(old, fresh, newSize, copy);
        return fresh;
    }

    static void* MoveChecked(void* old, ulong newSize, nuint alignment, AllocationFamily family, int apiFrame)
    {
        if (old == null) return AddressSanitizer.Allocate(newSize, alignment, family, false, apiFrame);
        if (AddressSanitizer.IsForeign(old)) return RealAllocator.Realloc(old, newSize, alignment, family);
        ulong copy = HeapAllocator.TryGetChunk((nuint)old, out var chunk) && chunk.State == ChunkState.Allocated
            ? Math.Min(chunk.UserSize, newSize) : 0;
        void* fresh = AddressSanitizer.Allocate(newSize, alignment, family, false, apiFrame);
        if (copy > 0) Buffer.MemoryCopy(old, fresh, newSize, copy);
        AddressSanitizer.Free(old, family, apiFrame);
        return fresh;
    }
}
