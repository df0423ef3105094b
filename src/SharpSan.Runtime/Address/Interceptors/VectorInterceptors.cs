using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Address.Interceptors;

// Vector loads and stores through pointers (Vector128.Load(T*), v.Store(T*), …): the whole vector must be
// addressable. One class per vector width, because the overloads differ only in their return type.

internal static unsafe class VectorAccess
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check(void* p, int size, bool isWrite, int frame)
    {
        nuint a = (nuint)p;
        sbyte first = *(sbyte*)((a >> 3) + ShadowMemory.Base);
        sbyte last = *(sbyte*)(((a + (nuint)size - 1) >> 3) + ShadowMemory.Base);
        if ((first | last) != 0 || size > 16) AddressSanitizer.CheckRange(p, (nuint)size, isWrite, frame);
    }
}

/// <summary>Pointer loads and stores of <see cref="Vector64{T}"/>.</summary>
public static unsafe class Vector64Interceptors
{
    static int Frame(string signature) => SyntheticFrames.Register("System.Runtime.Intrinsics.Vector64." + signature);

    static readonly int s_load = Frame("Load<T>(T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector64", "Load"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector64<T> Load<T>(T* source) where T : unmanaged
    {
        VectorAccess.Check(source, 8, false, s_load);
        return Vector64.Load(source);
    }

    static readonly int s_loadAligned = Frame("LoadAligned<T>(T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector64", "LoadAligned"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector64<T> LoadAligned<T>(T* source) where T : unmanaged
    {
        VectorAccess.Check(source, 8, false, s_loadAligned);
        return Vector64.LoadAligned(source);
    }

    static readonly int s_loadAlignedNonTemporal = Frame("LoadAlignedNonTemporal<T>(T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector64", "LoadAlignedNonTemporal"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector64<T> LoadAlignedNonTemporal<T>(T* source) where T : unmanaged
    {
        VectorAccess.Check(source, 8, false, s_loadAlignedNonTemporal);
        return Vector64.LoadAlignedNonTemporal(source);
    }

    static readonly int s_store = Frame("Store<T>(Vector64<T>, T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector64", "Store"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<T>(Vector64<T> source, T* destination) where T : unmanaged
    {
        VectorAccess.Check(destination, 8, true, s_store);
        source.Store(destination);
    }

    static readonly int s_storeAligned = Frame("StoreAligned<T>(Vector64<T>, T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector64", "StoreAligned"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreAligned<T>(Vector64<T> source, T* destination) where T : unmanaged
    {
        VectorAccess.Check(destination, 8, true, s_storeAligned);
        source.StoreAligned(destination);
    }

    static readonly int s_storeAlignedNonTemporal = Frame("StoreAlignedNonTemporal<T>(Vector64<T>, T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector64", "StoreAlignedNonTemporal"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreAlignedNonTemporal<T>(Vector64<T> source, T* destination) where T : unmanaged
    {
        VectorAccess.Check(destination, 8, true, s_storeAlignedNonTemporal);
        source.StoreAlignedNonTemporal(destination);
    }

}

/// <summary>Pointer loads and stores of <see cref="Vector128{T}"/>.</summary>
public static unsafe class Vector128Interceptors
{
    static int Frame(string signature) => SyntheticFrames.Register("System.Runtime.Intrinsics.Vector128." + signature);

    static readonly int s_load = Frame("Load<T>(T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector128", "Load"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Load<T>(T* source) where T : unmanaged
    {
        VectorAccess.Check(source, 16, false, s_load);
        return Vector128.Load(source);
    }

    static readonly int s_loadAligned = Frame("LoadAligned<T>(T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector128", "LoadAligned"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> LoadAligned<T>(T* source) where T : unmanaged
    {
        VectorAccess.Check(source, 16, false, s_loadAligned);
        return Vector128.LoadAligned(source);
    }

    static readonly int s_loadAlignedNonTemporal = Frame("LoadAlignedNonTemporal<T>(T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector128", "LoadAlignedNonTemporal"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> LoadAlignedNonTemporal<T>(T* source) where T : unmanaged
    {
        VectorAccess.Check(source, 16, false, s_loadAlignedNonTemporal);
        return Vector128.LoadAlignedNonTemporal(source);
    }

    static readonly int s_store = Frame("Store<T>(Vector128<T>, T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector128", "Store"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<T>(Vector128<T> source, T* destination) where T : unmanaged
    {
        VectorAccess.Check(destination, 16, true, s_store);
        source.Store(destination);
    }

    static readonly int s_storeAligned = Frame("StoreAligned<T>(Vector128<T>, T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector128", "StoreAligned"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreAligned<T>(Vector128<T> source, T* destination) where T : unmanaged
    {
        VectorAccess.Check(destination, 16, true, s_storeAligned);
        source.StoreAligned(destination);
    }

    static readonly int s_storeAlignedNonTemporal = Frame("StoreAlignedNonTemporal<T>(Vector128<T>, T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector128", "StoreAlignedNonTemporal"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreAlignedNonTemporal<T>(Vector128<T> source, T* destination) where T : unmanaged
    {
        VectorAccess.Check(destination, 16, true, s_storeAlignedNonTemporal);
        source.StoreAlignedNonTemporal(destination);
    }

}

/// <summary>Pointer loads and stores of <see cref="Vector256{T}"/>.</summary>
public static unsafe class Vector256Interceptors
{
    static int Frame(string signature) => SyntheticFrames.Register("System.Runtime.Intrinsics.Vector256." + signature);

    static readonly int s_load = Frame("Load<T>(T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector256", "Load"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Load<T>(T* source) where T : unmanaged
    {
        VectorAccess.Check(source, 32, false, s_load);
        return Vector256.Load(source);
    }

    static readonly int s_loadAligned = Frame("LoadAligned<T>(T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector256", "LoadAligned"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> LoadAligned<T>(T* source) where T : unmanaged
    {
        VectorAccess.Check(source, 32, false, s_loadAligned);
        return Vector256.LoadAligned(source);
    }

    static readonly int s_loadAlignedNonTemporal = Frame("LoadAlignedNonTemporal<T>(T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector256", "LoadAlignedNonTemporal"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> LoadAlignedNonTemporal<T>(T* source) where T : unmanaged
    {
        VectorAccess.Check(source, 32, false, s_loadAlignedNonTemporal);
        return Vector256.LoadAlignedNonTemporal(source);
    }

    static readonly int s_store = Frame("Store<T>(Vector256<T>, T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector256", "Store"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<T>(Vector256<T> source, T* destination) where T : unmanaged
    {
        VectorAccess.Check(destination, 32, true, s_store);
        source.Store(destination);
    }

    static readonly int s_storeAligned = Frame("StoreAligned<T>(Vector256<T>, T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector256", "StoreAligned"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreAligned<T>(Vector256<T> source, T* destination) where T : unmanaged
    {
        VectorAccess.Check(destination, 32, true, s_storeAligned);
        source.StoreAligned(destination);
    }

    static readonly int s_storeAlignedNonTemporal = Frame("StoreAlignedNonTemporal<T>(Vector256<T>, T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector256", "StoreAlignedNonTemporal"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreAlignedNonTemporal<T>(Vector256<T> source, T* destination) where T : unmanaged
    {
        VectorAccess.Check(destination, 32, true, s_storeAlignedNonTemporal);
        source.StoreAlignedNonTemporal(destination);
    }

}

/// <summary>Pointer loads and stores of <see cref="Vector512{T}"/>.</summary>
public static unsafe class Vector512Interceptors
{
    static int Frame(string signature) => SyntheticFrames.Register("System.Runtime.Intrinsics.Vector512." + signature);

    static readonly int s_load = Frame("Load<T>(T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector512", "Load"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load<T>(T* source) where T : unmanaged
    {
        VectorAccess.Check(source, 64, false, s_load);
        return Vector512.Load(source);
    }

    static readonly int s_loadAligned = Frame("LoadAligned<T>(T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector512", "LoadAligned"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> LoadAligned<T>(T* source) where T : unmanaged
    {
        VectorAccess.Check(source, 64, false, s_loadAligned);
        return Vector512.LoadAligned(source);
    }

    static readonly int s_loadAlignedNonTemporal = Frame("LoadAlignedNonTemporal<T>(T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector512", "LoadAlignedNonTemporal"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> LoadAlignedNonTemporal<T>(T* source) where T : unmanaged
    {
        VectorAccess.Check(source, 64, false, s_loadAlignedNonTemporal);
        return Vector512.LoadAlignedNonTemporal(source);
    }

    static readonly int s_store = Frame("Store<T>(Vector512<T>, T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector512", "Store"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<T>(Vector512<T> source, T* destination) where T : unmanaged
    {
        VectorAccess.Check(destination, 64, true, s_store);
        source.Store(destination);
    }

    static readonly int s_storeAligned = Frame("StoreAligned<T>(Vector512<T>, T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector512", "StoreAligned"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreAligned<T>(Vector512<T> source, T* destination) where T : unmanaged
    {
        VectorAccess.Check(destination, 64, true, s_storeAligned);
        source.StoreAligned(destination);
    }

    static readonly int s_storeAlignedNonTemporal = Frame("StoreAlignedNonTemporal<T>(Vector512<T>, T*)");

    [Intercepts("System.Runtime.Intrinsics.Vector512", "StoreAlignedNonTemporal"), MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreAlignedNonTemporal<T>(Vector512<T> source, T* destination) where T : unmanaged
    {
        VectorAccess.Check(destination, 64, true, s_storeAlignedNonTemporal);
        source.StoreAlignedNonTemporal(destination);
    }

}
