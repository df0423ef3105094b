using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Address.Interceptors;

/// <summary>
/// A span built from a pointer is indexed later by BCL code that is not instrumented, so it is checked once,
/// when it is made: the whole [pointer, pointer + length) must be addressable.
/// </summary>
public static unsafe class SpanInterceptors
{
    static readonly int s_span = SyntheticFrames.Register("System.Span<T>..ctor(void*, int)");
    static readonly int s_readOnlySpan = SyntheticFrames.Register("System.ReadOnlySpan<T>..ctor(void*, int)");
    static readonly int s_createSpan = SyntheticFrames.Register("System.Runtime.InteropServices.MemoryMarshal.CreateSpan<T>(ref T, int)");
    static readonly int s_createReadOnlySpan = SyntheticFrames.Register("System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan<T>(ref readonly T, int)");

    static void Check(void* p, int length, int elementSize, bool isWrite, int frame, bool throughReference = false)
    {
        if (length > 0) AddressSanitizer.CheckRange(p, (nuint)length * (nuint)elementSize, isWrite, frame, throughReference);
    }

    [Intercepts("System.Span`1", ".ctor")]
    public static Span<T> NewSpan<T>(void* pointer, int length)
    {
        Check(pointer, length, Unsafe.SizeOf<T>(), true, s_span);
        return new Span<T>(pointer, length);
    }

    [Intercepts("System.ReadOnlySpan`1", ".ctor")]
    public static ReadOnlySpan<T> NewReadOnlySpan<T>(void* pointer, int length)
    {
        Check(pointer, length, Unsafe.SizeOf<T>(), false, s_readOnlySpan);
        return new ReadOnlySpan<T>(pointer, length);
    }

    [Intercepts("System.Runtime.InteropServices.MemoryMarshal", "CreateSpan")]
    public static Span<T> CreateSpan<T>(ref T reference, int length)
    {
        Check(Unsafe.AsPointer(ref reference), length, Unsafe.SizeOf<T>(), true, s_createSpan, throughReference: true);
        return MemoryMarshal.CreateSpan(ref reference, length);
    }

    [Intercepts("System.Runtime.InteropServices.MemoryMarshal", "CreateReadOnlySpan")]
    public static ReadOnlySpan<T> CreateReadOnlySpan<T>(ref readonly T reference, int length)
    {
        Check(Unsafe.AsPointer(ref Unsafe.AsRef(in reference)), length, Unsafe.SizeOf<T>(), false, s_createReadOnlySpan, throughReference: true);
        return MemoryMarshal.CreateReadOnlySpan(in reference, length);
    }
}
