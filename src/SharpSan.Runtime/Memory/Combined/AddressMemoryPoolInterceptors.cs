using System.Buffers;
using SharpSan.Runtime.Address.Interceptors;
using SharpSan.Runtime.Address.Pools;
using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Memory.Interceptors;

namespace SharpSan.Runtime.Memory.Combined;

/// <summary>
/// Pools under address+memory: ASan's checking pool (use after Return, double Return, use past the requested length)
/// wrapped by MSan's, so every rented array is both checked for misuse and undefined until written.
/// </summary>
public static class AddressMemoryPoolInterceptors
{
    const string ArrayPool = "System.Buffers.ArrayPool`1", Both = "address+memory";

    [Intercepts(ArrayPool, "get_Shared", Sanitizer = Both)]
    public static ArrayPool<T> Shared<T>() => SharedPool<T>.Instance;

    [Intercepts(ArrayPool, "Create", Sanitizer = Both)]
    public static ArrayPool<T> Create<T>() => new UninitializedArrayPool<T>(PoolInterceptors.Create<T>(), "Create()");

    [Intercepts(ArrayPool, "Create", Sanitizer = Both)]
    public static ArrayPool<T> Create<T>(int maxArrayLength, int maxArraysPerBucket) =>
        new UninitializedArrayPool<T>(PoolInterceptors.Create<T>(maxArrayLength, maxArraysPerBucket), $"Create({maxArrayLength}, {maxArraysPerBucket})");

    static readonly int s_allocateUninitialized = SyntheticFrames.Register("System.GC.AllocateUninitializedArray<T>(int, bool)");

    [Intercepts("System.GC", "AllocateUninitializedArray", Sanitizer = Both)]
    public static T[] AllocateUninitializedArray<T>(int length, bool pinned = false)
    {
        var array = PinInterceptors.AllocateUninitializedArray<T>(length, pinned);
        UninitializedArrays.Track(array, $"an array from GC.AllocateUninitializedArray<{UninitializedArrays.TypeName<T>()}>({length})", s_allocateUninitialized);
        return array;
    }

    static class SharedPool<T>
    {
        public static readonly UninitializedArrayPool<T> Instance = new(CheckingArrayPool<T>.Instance, "Shared");
    }
}
