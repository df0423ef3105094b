using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static SharpSan.Runtime.Memory.Bcl.BclShadow;

namespace SharpSan.Runtime.Memory.Bcl;

/// <summary>
/// The table's <b>copy</b> rows: the destination takes the source's shadow, byte for byte (MSan's memcpy/memmove),
/// whichever side is native memory or a tracked array. Realloc that moves a block copies its kept part too
/// (MemoryBookkeeping.Reallocate, beside the allocators).
/// </summary>
public static unsafe partial class BclShadowTable
{
    [Intercepts("System.Span`1", "CopyTo", Instance = true, Sanitizer = M)]
    public static void CopyTo<T>(ref Span<T> source, Span<T> destination)
    {
        source.CopyTo(destination);
        Copy<T>(source, destination, source.Length);
    }

    [Intercepts("System.Span`1", "TryCopyTo", Instance = true, Sanitizer = M)]
    public static bool TryCopyTo<T>(ref Span<T> source, Span<T> destination)
    {
        bool copied = source.TryCopyTo(destination);
        if (copied) Copy<T>(source, destination, source.Length);
        return copied;
    }

    [Intercepts("System.ReadOnlySpan`1", "CopyTo", Instance = true, Sanitizer = M)]
    public static void CopyTo<T>(ref ReadOnlySpan<T> source, Span<T> destination)
    {
        source.CopyTo(destination);
        Copy(source, destination, source.Length);
    }

    [Intercepts("System.ReadOnlySpan`1", "TryCopyTo", Instance = true, Sanitizer = M)]
    public static bool TryCopyTo<T>(ref ReadOnlySpan<T> source, Span<T> destination)
    {
        bool copied = source.TryCopyTo(destination);
        if (copied) Copy(source, destination, source.Length);
        return copied;
    }

    [Intercepts("System.MemoryExtensions", "CopyTo", Sanitizer = M)]
    public static void CopyTo<T>(T[]? source, Span<T> destination)
    {
        source.CopyTo(destination);
        if (source is null || RuntimeHelpers.IsReferenceOrContainsReferences<T>()) return;
        fixed (byte* d = &Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(destination)))
            CopyArrayToNative(source, 0, d, (long)source.Length * Unsafe.SizeOf<T>());
    }

    [Intercepts("System.Array", "Copy", Sanitizer = M)]
    public static void ArrayCopy(Array sourceArray, Array destinationArray, int length)
    {
        Array.Copy(sourceArray, destinationArray, length);
        CopyArrayElements(sourceArray, 0, destinationArray, 0, length);
    }

    [Intercepts("System.Array", "Copy", Sanitizer = M)]
    public static void ArrayCopy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)
    {
        Array.Copy(sourceArray, sourceIndex, destinationArray, destinationIndex, length);
        CopyArrayElements(sourceArray, sourceIndex, destinationArray, destinationIndex, length);
    }

    [Intercepts("System.Buffer", "BlockCopy", Sanitizer = M)]
    public static void BlockCopy(Array src, int srcOffset, Array dst, int dstOffset, int count)
    {
        Buffer.BlockCopy(src, srcOffset, dst, dstOffset, count);
        CopyArrays(src, srcOffset, dst, dstOffset, count);
    }

    [Intercepts("System.Runtime.InteropServices.Marshal", "Copy", Sanitizer = M)]
    public static void MarshalCopy(byte[] source, int startIndex, nint destination, int length)
    {
        Marshal.Copy(source, startIndex, destination, length);
        CopyArrayToNative(source, startIndex, (void*)destination, length);
    }

    [Intercepts("System.Runtime.InteropServices.Marshal", "Copy", Sanitizer = M)]
    public static void MarshalCopy(int[] source, int startIndex, nint destination, int length)
    {
        Marshal.Copy(source, startIndex, destination, length);
        CopyArrayToNative(source, (long)startIndex * sizeof(int), (void*)destination, (long)length * sizeof(int));
    }

    [Intercepts("System.Runtime.InteropServices.Marshal", "Copy", Sanitizer = M)]
    public static void MarshalCopy(nint source, byte[] destination, int startIndex, int length)
    {
        Marshal.Copy(source, destination, startIndex, length);
        CopyNativeToArray((void*)source, destination, startIndex, length);
    }

    [Intercepts("System.Runtime.InteropServices.Marshal", "Copy", Sanitizer = M)]
    public static void MarshalCopy(nint source, int[] destination, int startIndex, int length)
    {
        Marshal.Copy(source, destination, startIndex, length);
        CopyNativeToArray((void*)source, destination, (long)startIndex * sizeof(int), (long)length * sizeof(int));
    }

    [Intercepts("System.Runtime.InteropServices.NativeMemory", "Copy", Sanitizer = M)]
    public static void NativeMemoryCopy(void* source, void* destination, nuint byteCount)
    {
        NativeMemory.Copy(source, destination, byteCount);
        CopyNative(destination, source, byteCount);
    }

    [Intercepts("System.Buffer", "MemoryCopy", Sanitizer = M)]
    public static void MemoryCopy(void* source, void* destination, long destinationSizeInBytes, long sourceBytesToCopy)
    {
        Buffer.MemoryCopy(source, destination, destinationSizeInBytes, sourceBytesToCopy);
        CopyNative(destination, source, (nuint)sourceBytesToCopy);
    }

    [Intercepts("System.Buffer", "MemoryCopy", Sanitizer = M)]
    public static void MemoryCopy(void* source, void* destination, ulong destinationSizeInBytes, ulong sourceBytesToCopy)
    {
        Buffer.MemoryCopy(source, destination, destinationSizeInBytes, sourceBytesToCopy);
        CopyNative(destination, source, (nuint)sourceBytesToCopy);
    }

    [Intercepts("System.Runtime.CompilerServices.Unsafe", "CopyBlock", Sanitizer = M)]
    public static void CopyBlock(void* destination, void* source, uint byteCount)
    {
        Unsafe.CopyBlock(destination, source, byteCount);
        CopyNative(destination, source, byteCount);
    }

    [Intercepts("System.Runtime.CompilerServices.Unsafe", "CopyBlockUnaligned", Sanitizer = M)]
    public static void CopyBlockUnaligned(void* destination, void* source, uint byteCount)
    {
        Unsafe.CopyBlockUnaligned(destination, source, byteCount);
        CopyNative(destination, source, byteCount);
    }
}
