using System.Buffers;
using CommunityToolkit.HighPerformance;
using CommunityToolkit.HighPerformance.Buffers;

namespace Toolkit.Tests;

/// <summary>Pooled buffers of CommunityToolkit.HighPerformance, used correctly, results checked against plain code.</summary>
public class BufferTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void MemoryOwner_FillSliceAndSum(int seed)
    {
        var rng = new Random(seed);
        for (int round = 0; round < 400; round++)
        {
            int n = rng.Next(1, 3000);
            var owner = MemoryOwner<int>.Allocate(n);
            Span<int> span = owner.Span;
            for (int i = 0; i < n; i++) span[i] = i * 7 + round;
            Assert.Equal(round, owner.DangerousGetReference());
            int start = rng.Next(0, n), length = rng.Next(0, n - start + 1);
            using var slice = owner.Slice(start, length);
            long sum = 0;
            foreach (int v in slice.Span) sum += v;
            long expected = 0;
            for (int i = start; i < start + length; i++) expected += i * 7 + round;
            Assert.Equal(expected, sum);
        }
    }

    [Fact]
    public void SpanOwner_ClearedAndHashed()
    {
        var rng = new Random(4);
        for (int round = 0; round < 400; round++)
        {
            int n = rng.Next(1, 5000);
            using var owner = SpanOwner<byte>.Allocate(n, AllocationMode.Clear);
            Span<byte> span = owner.Span;
            Assert.True(span.IndexOfAnyExcept((byte)0) < 0);
            rng.NextBytes(span);
            byte[] copy = span.ToArray();
            Assert.Equal(((ReadOnlySpan<byte>)copy).GetDjb2HashCode(), span.GetDjb2HashCode());
        }
    }

    [Fact]
    public void ArrayPoolBufferWriter_GrowsAndStreams()
    {
        var rng = new Random(5);
        for (int round = 0; round < 200; round++)
        {
            using var writer = new ArrayPoolBufferWriter<byte>(16);
            var expected = new List<byte>();
            int chunks = rng.Next(1, 40);
            for (int c = 0; c < chunks; c++)
            {
                int size = rng.Next(1, 700);
                Span<byte> destination = writer.GetSpan(size);
                for (int i = 0; i < size; i++) { destination[i] = (byte)(c * 31 + i); expected.Add(destination[i]); }
                writer.Advance(size);
            }
            Assert.True(writer.WrittenSpan.SequenceEqual(expected.ToArray()));
            using var stream = writer.WrittenMemory.AsStream();
            var back = new byte[expected.Count];
            stream.ReadExactly(back);
            Assert.True(back.AsSpan().SequenceEqual(writer.WrittenSpan));
        }
    }

    [Fact]
    public void StringPool_ReturnsOneInstancePerValue()
    {
        var pool = new StringPool();
        for (int i = 0; i < 5000; i++)
        {
            string text = $"key-{i % 97}";
            Span<char> chars = stackalloc char[text.Length];
            text.AsSpan().CopyTo(chars);
            Assert.Same(pool.GetOrAdd(text), pool.GetOrAdd(chars));
        }
    }

    [Fact]
    public void SharedArrayPool_RentedThroughTheToolkit()
    {
        for (int round = 0; round < 2000; round++)
        {
            byte[] array = ArrayPool<byte>.Shared.Rent(64 + round % 512);
            array.AsSpan(0, 64).Fill((byte)round);
            Assert.Equal((byte)round, array[63]);
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
