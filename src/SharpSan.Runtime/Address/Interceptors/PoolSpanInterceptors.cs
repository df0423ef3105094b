using SharpSan.Runtime.Address.Pools;

namespace SharpSan.Runtime.Address.Interceptors;

/// <summary>
/// A span or memory over a whole array (or its whole end) covers the array's capacity, as reading its Length
/// does: code that makes one from a rented array may use all of it (IBufferWriter.GetSpan returns exactly
/// that), so the array's poisoned tail is lifted first (<see cref="PoolCapacity"/>). Explicit (start, length)
/// overloads are left alone: their bounds are the caller's statement of what it uses.
/// </summary>
public static class PoolSpanInterceptors
{
    const string Extensions = "System.MemoryExtensions";

    [Intercepts(Extensions, "AsSpan")]
    public static Span<T> AsSpan<T>(T[]? array) { PoolCapacity.Claim(array); return array.AsSpan(); }

    [Intercepts(Extensions, "AsSpan")]
    public static Span<T> AsSpan<T>(T[]? array, int start) { PoolCapacity.Claim(array); return array.AsSpan(start); }

    [Intercepts(Extensions, "AsMemory")]
    public static Memory<T> AsMemory<T>(T[]? array) { PoolCapacity.Claim(array); return array.AsMemory(); }

    [Intercepts(Extensions, "AsMemory")]
    public static Memory<T> AsMemory<T>(T[]? array, int start) { PoolCapacity.Claim(array); return array.AsMemory(start); }

    [Intercepts("System.Span`1", ".ctor")]
    public static Span<T> NewSpan<T>(T[]? array) { PoolCapacity.Claim(array); return new Span<T>(array); }

    [Intercepts("System.ReadOnlySpan`1", ".ctor")]
    public static ReadOnlySpan<T> NewReadOnlySpan<T>(T[]? array) { PoolCapacity.Claim(array); return new ReadOnlySpan<T>(array); }

    [Intercepts("System.Memory`1", ".ctor")]
    public static Memory<T> NewMemory<T>(T[]? array) { PoolCapacity.Claim(array); return new Memory<T>(array); }

    [Intercepts("System.ReadOnlyMemory`1", ".ctor")]
    public static ReadOnlyMemory<T> NewReadOnlyMemory<T>(T[]? array) { PoolCapacity.Claim(array); return new ReadOnlyMemory<T>(array); }

    [Intercepts("System.Span`1", "op_Implicit")]
    public static Span<T> ToSpan<T>(T[]? array) { PoolCapacity.Claim(array); return array; }

    [Intercepts("System.ReadOnlySpan`1", "op_Implicit")]
    public static ReadOnlySpan<T> ToReadOnlySpan<T>(T[]? array) { PoolCapacity.Claim(array); return array; }

    [Intercepts("System.Memory`1", "op_Implicit")]
    public static Memory<T> ToMemory<T>(T[]? array) { PoolCapacity.Claim(array); return array; }
}
