using System.Buffers;

namespace Pipeline;

/// <summary>A pooled buffer lease; releasing it twice returns its array to the pool twice.</summary>
public sealed class Lease
{
    readonly byte[] _array;

    public Lease(int length) => _array = ArrayPool<byte>.Shared.Rent(length);

    public Span<byte> Span => _array;

    public void Release() => ArrayPool<byte>.Shared.Return(_array); // BUG-DOUBLE-RETURN: no guard against a second Release
}
