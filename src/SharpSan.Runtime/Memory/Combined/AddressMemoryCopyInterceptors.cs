using SharpSan.Runtime.Address.Interceptors;
using SharpSan.Runtime.Memory.Interceptors;

namespace SharpSan.Runtime.Memory.Combined;

/// <summary>Raw copies and fills under address+memory: ASan checks both ranges and copies, then the shadow moves with the bytes.</summary>
public static unsafe class AddressMemoryCopyInterceptors
{
    const string Both = "address+memory";

    [Intercepts("System.Buffer", "MemoryCopy", Sanitizer = Both)]
    public static void MemoryCopy(void* source, void* destination, long destinationSizeInBytes, long sourceBytesToCopy)
    {
        UnsafeInterceptors.MemoryCopy(source, destination, destinationSizeInBytes, sourceBytesToCopy);
        MemoryBookkeeping.Copied(destination, source, (nuint)sourceBytesToCopy);
    }

    [Intercepts("System.Buffer", "MemoryCopy", Sanitizer = Both)]
    public static void MemoryCopy(void* source, void* destination, ulong destinationSizeInBytes, ulong sourceBytesToCopy)
    {
        UnsafeInterceptors.MemoryCopy(source, destination, destinationSizeInBytes, sourceBytesToCopy);
        MemoryBookkeeping.Copied(destination, source, (nuint)sourceBytesToCopy);
    }
    [Intercepts("System.Runtime.CompilerServices.Unsafe", "CopyBlock", Sanitizer = Both)]
    public static void CopyBlock(void* destination, void* source, uint byteCount)
    {
        UnsafeInterceptors.CopyBlock(destination, source, byteCount);
        MemoryBookkeeping.Copied(destination, source, byteCount);
    }

    [Intercepts("System.Runtime.CompilerServices.Unsafe", "CopyBlockUnaligned", Sanitizer = Both)]
    public static void CopyBlockUnaligned(void* destination, void* source, uint byteCount)
    {
        UnsafeInterceptors.CopyBlockUnaligned(destination, source, byteCount);
        MemoryBookkeeping.Copied(destination, source, byteCount);
    }

    [Intercepts("System.Runtime.CompilerServices.Unsafe", "InitBlock", Sanitizer = Both)]
    public static void InitBlock(void* startAddress, byte value, uint byteCount)
    {
        UnsafeInterceptors.InitBlock(startAddress, value, byteCount);
        MemoryBookkeeping.Defined(startAddress, byteCount);
    }

    [Intercepts("System.Runtime.CompilerServices.Unsafe", "InitBlockUnaligned", Sanitizer = Both)]
    public static void InitBlockUnaligned(void* startAddress, byte value, uint byteCount)
    {
        UnsafeInterceptors.InitBlockUnaligned(startAddress, value, byteCount);
        MemoryBookkeeping.Defined(startAddress, byteCount);
    }
}
