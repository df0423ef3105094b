using System.Buffers;
using System.Text;
using SharpSan.Runtime.Address.Interceptors;
using SharpSan.Runtime.Memory.Bcl;

namespace SharpSan.Runtime.Memory.Combined;

/// <summary>
/// Members both address's interceptors and memory's BCL table claim, under address+memory. Memory's side of the
/// Memory&lt;T&gt; constructors and conversions is only that the call is known (the array stays tracked), so address's
/// interceptor (pool capacity claims) does the work; a pin defines what memory can no longer follow, then address
/// tracks the pin; copies and reads check with ASan first, then move or check the shadow.
/// </summary>
public static unsafe class AddressMemoryBufferInterceptors
{
    const string Both = "address+memory";

    [Intercepts("System.MemoryExtensions", "AsMemory", Sanitizer = Both)]
    public static Memory<T> AsMemory<T>(T[]? array) => PoolSpanInterceptors.AsMemory(array);

    [Intercepts("System.MemoryExtensions", "AsMemory", Sanitizer = Both)]
    public static Memory<T> AsMemory<T>(T[]? array, int start) => PoolSpanInterceptors.AsMemory(array, start);

    [Intercepts("System.Memory`1", ".ctor", Sanitizer = Both)]
    public static Memory<T> NewMemory<T>(T[]? array) => PoolSpanInterceptors.NewMemory(array);

    [Intercepts("System.ReadOnlyMemory`1", ".ctor", Sanitizer = Both)]
    public static ReadOnlyMemory<T> NewReadOnlyMemory<T>(T[]? array) => PoolSpanInterceptors.NewReadOnlyMemory(array);

    [Intercepts("System.Memory`1", "op_Implicit", Sanitizer = Both)]
    public static Memory<T> ToMemory<T>(T[]? array) => PoolSpanInterceptors.ToMemory(array);

    [Intercepts("System.Memory`1", "Pin", Instance = true, Sanitizer = Both)]
    public static MemoryHandle MemoryPin<T>(ref Memory<T> memory)
    {
        BclShadow.UnknownWroteMemory(memory);
        return PinInterceptors.MemoryPin(ref memory);
    }

    [Intercepts("System.ReadOnlyMemory`1", "Pin", Instance = true, Sanitizer = Both)]
    public static MemoryHandle ReadOnlyMemoryPin<T>(ref ReadOnlyMemory<T> memory)
    {
        BclShadow.UnknownWroteReadOnlyMemory(memory);
        return PinInterceptors.ReadOnlyMemoryPin(ref memory);
    }

    /// <summary>
    /// Address's checking pool wins: MemoryPool&lt;T&gt;.Shared rentals are checked for misuse but, in this combination
    /// only, not tracked as undefined (one pool object cannot be both; memory alone tracks them).
    /// </summary>
    [Intercepts("System.Buffers.MemoryPool`1", "get_Shared", Sanitizer = Both)]
    public static MemoryPool<T> MemoryPoolShared<T>() => PoolInterceptors.MemoryPoolShared<T>();

    [Intercepts("System.Runtime.InteropServices.Marshal", "Copy", Sanitizer = Both)]
    public static void Copy(nint source, byte[] destination, int startIndex, int length)
    {
        MarshalAccessInterceptors.Copy(source, destination, startIndex, length);
        BclShadow.CopyNativeToArray((void*)source, destination, startIndex, length);
    }

    [Intercepts("System.Runtime.InteropServices.Marshal", "Copy", Sanitizer = Both)]
    public static void Copy(nint source, int[] destination, int startIndex, int length)
    {
        MarshalAccessInterceptors.Copy(source, destination, startIndex, length);
        BclShadow.CopyNativeToArray((void*)source, destination, (long)startIndex * sizeof(int), (long)length * sizeof(int));
    }

    [Intercepts("System.Text.Encoding", "GetString", Instance = true, Sanitizer = Both)]
    public static string GetString(Encoding encoding, byte* bytes, int byteCount)
    {
        BclShadow.ConsumeNative(bytes, byteCount, "System.Text.Encoding.GetString(byte*, int)");
        return TextInterceptors.GetString(encoding, bytes, byteCount);
    }
}
