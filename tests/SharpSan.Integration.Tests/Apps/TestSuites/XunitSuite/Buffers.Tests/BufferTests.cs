namespace Buffers.Tests;

public class BufferTests
{
    [Fact]
    public void Fill_SumsEveryByte()
    {
        using var buffer = new NativeBuffer(32);
        buffer.Fill(2);
        Assert.Equal(64, buffer.Sum());
    }

    [Fact]
    public void FillWithTerminator_WritesOnePastTheEnd()
    {
        using var buffer = new NativeBuffer(16);
        buffer.FillWithTerminator(1);
        Assert.Equal(16, buffer.Sum());
    }

    [Theory]
    [InlineData(8)]
    [InlineData(24)]
    public void FillWithTerminator_ForSeveralLengths(int length)
    {
        using var buffer = new NativeBuffer(length);
        buffer.FillWithTerminator(1);
        Assert.Equal(length, buffer.Sum());
    }

    [Fact]
    public void Scratch_UsedOnce()
    {
        using var scratch = new Scratch(100);
        scratch.Span[99] = 1;
        Assert.Equal(1, scratch.Span[99]);
    }

    [Fact]
    public void Scratch_DisposedTwice()
    {
        var scratch = new Scratch(100);
        scratch.Dispose();
        scratch.Dispose();
    }

    [Fact]
    public async Task Scratch_AcrossAnAwait()
    {
        using var scratch = new Scratch(64);
        scratch.Span[0] = 7;
        await Task.Yield();
        Assert.Equal(7, scratch.Span[0]);
    }
}
