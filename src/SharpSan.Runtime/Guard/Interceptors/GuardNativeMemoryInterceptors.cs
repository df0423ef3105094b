using System.Numerics;
using SharpSan.Runtime.Address.Allocator;

namespace SharpSan.Runtime.Guard.Interceptors;

/// <summary>Guard mode's replacements for <see cref="System.Runtime.InteropServices.NativeMemory"/>'s allocation members (no access checks).</summary>
public static unsafe class GuardNativeMemoryInterceptors
{
    const string Target = "System.Runtime.InteropServices.NativeMemory";
    const string Prefix = "System.Runtime.InteropServices.NativeMemory.";

    [Intercepts(Target, "Alloc", Sanitizer = "guard")]
    public static void* Alloc(nuint byteCount) => GuardSanitizer.Allocate(byteCount, 16, AllocationFamily.NativeMemory, false, Prefix + "Alloc(nuint)");

    [Intercepts(Target, "Alloc", Sanitizer = "guard")]
    public static void* Alloc(nuint elementCount, nuint elementSize) =>
        GuardSanitizer.Allocate(CheckedProduct(elementCount, elementSize), 16, AllocationFamily.NativeMemory, false, Prefix + "Alloc(nuint, nuint)");

    // NativeMemory throws OutOfMemoryException (not OverflowException) when count * size overflows.
    static ulong CheckedProduct(nuint count, nuint size) =>
        Math.BigMul((ulong)count, (ulong)size, out ulong low) == 0 ? low : throw new OutOfMemoryException();

    [Intercepts(Target, "AllocZeroed", Sanitizer = "guard")]
    public static void* AllocZeroed(nuint byteCount) => GuardSanitizer.Allocate(byteCount, 16, AllocationFamily.NativeMemory, true, Prefix + "AllocZeroed(nuint)");

    [Intercepts(Target, "AllocZeroed", Sanitizer = "guard")]
    public static void* AllocZeroed(nuint elementCount, nuint elementSize) =>
        GuardSanitizer.Allocate(CheckedProduct(elementCount, elementSize), 16, AllocationFamily.NativeMemory, true, Prefix + "AllocZeroed(nuint, nuint)");

    [Intercepts(Target, "AlignedAlloc", Sanitizer = "guard")]
    public static void* AlignedAlloc(nuint byteCount, nuint alignment)
    {
        if (!BitOperations.IsPow2(alignment)) throw new ArgumentException("The alignment must be a power of two.", nameof(alignment));
        return GuardSanitizer.Allocate(byteCount, alignment, AllocationFamily.NativeMemoryAligned, false, Prefix + "AlignedAlloc(nuint, nuint)");
    }

    [Intercepts(Target, "Realloc", Sanitizer = "guard")]
    public static void* Realloc(void* ptr, nuint byteCount) => GuardSanitizer.Realloc(ptr, byteCount, 16, AllocationFamily.NativeMemory, Prefix + "Realloc(void*, nuint)");

    [Intercepts(Target, "AlignedRealloc", Sanitizer = "guard")]
    public static void* AlignedRealloc(void* ptr, nuint byteCount, nuint alignment)
    {
        if (!BitOperations.IsPow2(alignment)) throw new ArgumentException("The alignment must be a power of two.", nameof(alignment));
        return GuardSanitizer.Realloc(ptr, byteCount, alignment, AllocationFamily.NativeMemoryAligned, Prefix + "AlignedRealloc(void*, nuint, nuint)");
    }

    [Intercepts(Target, "Free", Sanitizer = "guard")]
    public static void Free(void* ptr) => GuardSanitizer.Free(ptr, AllocationFamily.NativeMemory, Prefix + "Free(void*)");

    [Intercepts(Target, "AlignedFree", Sanitizer = "guard")]
    public static void AlignedFree(void* ptr) => GuardSanitizer.Free(ptr, AllocationFamily.NativeMemoryAligned, Prefix + "AlignedFree(void*)");
}
