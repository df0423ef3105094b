using System.Buffers;

namespace Buffers;

/// <summary>A pooled scratch buffer; disposing it twice returns its array twice (the ZstdSharp #8 bug).</summary>
public sealed class Scratch : IDisposable
{
    byte[] _array;

    public Scratch(int length) => _array = ArrayPool<byte>.Shared.Rent(length);

    public Span<byte> Span => _array;

    public void Dispose() => ArrayPool<byte>.Shared.Return(_array); // BUG-DOUBLE-RETURN: no guard against a second Dispose
}
