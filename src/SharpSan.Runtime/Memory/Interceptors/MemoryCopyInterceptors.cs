using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Memory.Interceptors;

/// <summary>Copy and fill routines over raw memory (<see cref="Buffer"/>, <see cref="Unsafe"/>): the shadow moves with the bytes; fills define.</summary>
public static unsafe class MemoryCopyInterceptors
{
    [Intercepts("System.Buffer", "MemoryCopy", Sanitizer = "memory")]
    public static void MemoryCopy(void* source, void* destination, long destinationSizeInBytes, long sourceBytesToCopy)
    {
        Buffer.MemoryCopy(source, destination, destinationSizeInBytes, sourceBytesToCopy);
        MemoryBookkeeping.Copied(destination, source, (nuint)sourceBytesToCopy);
    }

    [Intercepts("System.Buffer", "MemoryCopy", Sanitizer = "memory")]
    public static void MemoryCopy(void* source, void* destination, ulong destinationSizeInBytes, ulong sourceBytesToCopy)
    {
        Buffer.MemoryCopy(source, destination, destinationSizeInBytes, sourceBytesToCopy);
        MemoryBookkeeping.Copied(destination, source, (nuint)sourceBytesToCopy);
    }

    [Intercepts("System.Runtime.CompilerServices.Unsafe", "CopyBlock", Sanitizer = "memory")]
    public static void CopyBlock(void* destination, void* source, uint byteCount)
    {
        Unsafe.CopyBlock(destination, source, byteCount);
        MemoryBookkeeping.Copied(destination, source, byteCount);
    }

    [Intercepts("System.Runtime.CompilerServices.Unsafe", "CopyBlockUnaligned", Sanitizer = "memory")]
    public static void CopyBlockUnaligned(void* destination, void* source, uint byteCount)
    {
        Unsafe.CopyBlockUnaligned(destination, source, byteCount);
        MemoryBookkeeping.Copied(destination, source, byteCount);
    }

    [Intercepts("System.Runtime.CompilerServices.Unsafe", "InitBlock", Sanitizer = "memory")]
    public static void InitBlock(void* startAddress, byte value, uint byteCount)
    {
        Unsafe.InitBlock(startAddress, value, byteCount);
        MemoryBookkeeping.Defined(startAddress, byteCount);
    }

    [Intercepts("System.Runtime.CompilerServices.Unsafe", "InitBlockUnaligned", Sanitizer = "memory")]
    public static void InitBlockUnaligned(void* startAddress, byte value, uint byteCount)
    {
        Unsafe.InitBlockUnaligned(startAddress, value, byteCount);
        MemoryBookkeeping.Defined(startAddress, byteCount);
    }
}
