using System.Buffers;
using SharpSan.Runtime.Address.Pools;

namespace SharpSan.Runtime.Address.Interceptors;

/// <summary>
/// Checked code gets checking pools: <c>ArrayPool&lt;T&gt;.Shared</c> becomes one <see cref="CheckingArrayPool{T}"/>
/// per element type, and each <c>ArrayPool&lt;T&gt;.Create(...)</c> pool is wrapped in its own checking pool
/// (same length limit, its own quarantine); <c>MemoryPool&lt;T&gt;.Shared</c> becomes a <see cref="CheckingMemoryPool{T}"/>.
/// Rent and Return are virtual, so nothing else needs redirecting.
/// </summary>
public static class PoolInterceptors
{
    const string ArrayPool = "System.Buffers.ArrayPool`1";

    [Intercepts(ArrayPool, "get_Shared")]
    public static ArrayPool<T> Shared<T>() => CheckingArrayPool<T>.Instance;

    [Intercepts(ArrayPool, "Create")]
    public static ArrayPool<T> Create<T>() => new CheckingArrayPool<T>(ArrayPool<T>.Create(), 1024 * 1024);

    [Intercepts(ArrayPool, "Create")]
    public static ArrayPool<T> Create<T>(int maxArrayLength, int maxArraysPerBucket) =>
        new CheckingArrayPool<T>(ArrayPool<T>.Create(maxArrayLength, maxArraysPerBucket), ConfigurableMaximum(maxArrayLength));

    [Intercepts("System.Buffers.MemoryPool`1", "get_Shared")]
    public static MemoryPool<T> MemoryPoolShared<T>() => CheckingMemoryPool<T>.Instance;

    /// <summary>ConfigurableArrayPool clamps the maximum to [16, 2^30] (larger requests get exact, unpooled arrays).</summary>
    static int ConfigurableMaximum(int maxArrayLength) => Math.Clamp(maxArrayLength, PoolBuckets.MinimumLength, PoolBuckets.SharedMaximumLength);
}
