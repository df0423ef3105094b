using SharpSan.Runtime.Address.Allocator;

namespace SharpSan.Runtime.Tests.Allocator;

public sealed class ChunkFifoTests
{
    [Fact]
    public void Dequeue_AcrossManySegments_ReturnsEntriesInTheOrderTheyCame()
    {
        var fifo = new ChunkFifo();
        for (int i = 1; i <= 5000; i++) fifo.Enqueue((nuint)i * 16, i);

        Assert.Equal(5000, fifo.Count);
        for (int i = 1; i <= 5000; i++) Assert.Equal(((nuint)i * 16, (long)i), fifo.Dequeue());
        Assert.Equal(0, fifo.Count);
    }

    [Fact]
    public void InterleavedUse_ThatEmptiesSegmentsAndReusesThem_KeepsFifoOrder()
    {
        var fifo = new ChunkFifo();
        long next = 1, expected = 1;
        for (int round = 0; round < 20; round++)
        {
            for (int i = 0; i < 700; i++, next++) fifo.Enqueue((nuint)next, next);
            for (int i = 0; i < 650; i++, expected++) Assert.Equal(((nuint)expected, expected), fifo.Dequeue());
        }
        while (fifo.Count > 0) Assert.Equal(((nuint)expected, expected++), fifo.Dequeue());
        Assert.Equal(next, expected);
    }

    [Fact]
    public void Dequeue_WhenEmpty_Throws()
    {
        var fifo = new ChunkFifo();
        fifo.Enqueue(16, 1);
        fifo.Dequeue();

        Assert.Throws<InvalidOperationException>(() => fifo.Dequeue());
    }
}
