using System.Buffers;
using System.Runtime.CompilerServices;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Memory.Interceptors;

/// <summary>
/// Pools and uninitialised arrays under MemorySanitizer: every array rented from <c>ArrayPool&lt;T&gt;.Shared</c> or a
/// pool from <c>ArrayPool&lt;T&gt;.Create</c>, and every <c>GC.AllocateUninitializedArray</c>, starts undefined
/// whatever the last renter left in it (the renter must not rely on earlier contents).
/// </summary>
public static class MemoryPoolInterceptors
{
    const string ArrayPool = "System.Buffers.ArrayPool`1";

    [Intercepts(ArrayPool, "get_Shared", Sanitizer = "memory")]
    public static ArrayPool<T> Shared<T>() => UninitializedArrayPool<T>.Instance;

    [Intercepts(ArrayPool, "Create", Sanitizer = "memory")]
    public static ArrayPool<T> Create<T>() => new UninitializedArrayPool<T>(ArrayPool<T>.Create(), "Create()");

    [Intercepts(ArrayPool, "Create", Sanitizer = "memory")]
    public static ArrayPool<T> Create<T>(int maxArrayLength, int maxArraysPerBucket) =>
        new UninitializedArrayPool<T>(ArrayPool<T>.Create(maxArrayLength, maxArraysPerBucket), $"Create({maxArrayLength}, {maxArraysPerBucket})");

    /// <summary>MemoryPool&lt;T&gt;.Shared rents from ArrayPool&lt;T&gt;.Shared inside the BCL, out of the interceptors' sight: its rentals are tracked here.</summary>
    [Intercepts("System.Buffers.MemoryPool`1", "get_Shared", Sanitizer = "memory")]
    public static MemoryPool<T> SharedMemoryPool<T>() => UninitializedMemoryPool<T>.Instance;

    static readonly int s_allocateUninitialized = SyntheticFrames.Register("System.GC.AllocateUninitializedArray<T>(int, bool)");

    [Intercepts("System.GC", "AllocateUninitializedArray", Sanitizer = "memory")]
    public static T[] AllocateUninitializedArray<T>(int length, bool pinned = false)
    {
        var array = GC.AllocateUninitializedArray<T>(length, pinned);
        UninitializedArrays.Track(array, $"an array from GC.AllocateUninitializedArray<{UninitializedArrays.TypeName<T>()}>({length})", s_allocateUninitialized);
        return array;
    }
}

/// <summary>A pool whose rented arrays are undefined (the shadow's view of ArrayPool's "not zero-initialized").</summary>
internal sealed class UninitializedArrayPool<T>(ArrayPool<T> inner, string name) : ArrayPool<T>
{
    public static readonly UninitializedArrayPool<T> Instance = new(ArrayPool<T>.Shared, "Shared");

    static readonly int s_rent = SyntheticFrames.Register($"System.Buffers.ArrayPool<{UninitializedArrays.TypeName<T>()}>.Rent(int)");

    public override T[] Rent(int minimumLength)
    {
        var array = inner.Rent(minimumLength);
        UninitializedArrays.Track(array, $"an array rented from ArrayPool<{UninitializedArrays.TypeName<T>()}>.{name}.Rent({minimumLength})", s_rent);
        return array;
    }

    public override void Return(T[] array, bool clearArray = false) => inner.Return(array, clearArray);
}

/// <summary>MemoryPool&lt;T&gt;.Shared whose rentals are undefined (their memory is an array rented from ArrayPool&lt;T&gt;.Shared).</summary>
internal sealed class UninitializedMemoryPool<T> : MemoryPool<T>
{
    public static readonly UninitializedMemoryPool<T> Instance = new();

    static readonly int s_rent = SyntheticFrames.Register($"System.Buffers.MemoryPool<{UninitializedArrays.TypeName<T>()}>.Rent(int)");

    public override int MaxBufferSize => Shared.MaxBufferSize;

    public override IMemoryOwner<T> Rent(int minBufferSize = -1)
    {
        var owner = Shared.Rent(minBufferSize);
        if (System.Runtime.InteropServices.MemoryMarshal.TryGetArray<T>(owner.Memory, out var segment) && segment.Array is { } array)
            UninitializedArrays.Track(array, $"an array rented from MemoryPool<{UninitializedArrays.TypeName<T>()}>.Shared.Rent({minBufferSize})", s_rent);
        return owner;
    }

    protected override void Dispose(bool disposing)
    {
    }
}

internal static class UninitializedArrays
{
    const string Site = "MemorySanitizer.UninitializedArray";

    /// <summary>Starts tracking an array of unmanaged elements as undefined; contained, so a failure leaves it untracked (defined).</summary>
    public static void Track<T>(T[] array, string description, int apiFrame)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>() || array.Length == 0) return;
        try
        {
            Common.InternalErrors.Inject(Site);
            int origin = Origins.New(OriginKind.RentedArray, MemorySanitizer.CaptureStackId(apiFrame), description);
            RentedArrays.Poison(array, Unsafe.SizeOf<T>(), origin);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e))
        {
        }
    }

    public static string TypeName<T>() => typeof(T) switch
    {
        var t when t == typeof(byte) => "byte",
        var t when t == typeof(sbyte) => "sbyte",
        var t when t == typeof(char) => "char",
        var t when t == typeof(short) => "short",
        var t when t == typeof(ushort) => "ushort",
        var t when t == typeof(int) => "int",
        var t when t == typeof(uint) => "uint",
        var t when t == typeof(long) => "long",
        var t when t == typeof(ulong) => "ulong",
        var t when t == typeof(float) => "float",
        var t when t == typeof(double) => "double",
        var t => t.Name,
    };
}
