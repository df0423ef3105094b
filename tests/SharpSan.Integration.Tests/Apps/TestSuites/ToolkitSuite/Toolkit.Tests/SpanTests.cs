using CommunityToolkit.HighPerformance;
using CommunityToolkit.HighPerformance.Helpers;
using Microsoft.IO;

namespace Toolkit.Tests;

/// <summary>2D views, parallel helpers and pooled streams over ordinary and native memory.</summary>
public unsafe class SpanTests
{
    [Fact]
    public void Span2D_OverAnArray_RowsColumnsAndSlices()
    {
        var data = new int[60 * 40];
        var grid = new Span2D<int>(data, 60, 40);
        for (int r = 0; r < 60; r++)
            for (int c = 0; c < 40; c++) grid[r, c] = r * 100 + c;
        long sum = 0;
        foreach (int v in grid.Slice(10, 5, 20, 30)) sum += v;
        long expected = 0;
        for (int r = 10; r < 30; r++)
            for (int c = 5; c < 35; c++) expected += r * 100 + c;
        Assert.Equal(expected, sum);
        Assert.Equal(7 * 100 + 39, grid.GetRowSpan(7)[39]);
    }

    [Fact]
    public void Span2D_OverNativeMemory()
    {
        int* p = (int*)System.Runtime.InteropServices.NativeMemory.Alloc(30 * 20, sizeof(int));
        try
        {
            var grid = new Span2D<int>(p, 30, 20, 0);
            grid.Fill(3);
            grid[29, 19] = 4;
            long sum = 0;
            foreach (int v in grid) sum += v;
            Assert.Equal(30 * 20 * 3 + 1, sum);
        }
        finally
        {
            System.Runtime.InteropServices.NativeMemory.Free(p);
        }
    }

    readonly struct Square(int[] values) : IAction
    {
        public void Invoke(int i) => values[i] = i * i;
    }

    [Fact]
    public void ParallelHelper_For_FillsEveryIndex()
    {
        var values = new int[20000];
        ParallelHelper.For(0, values.Length, new Square(values));
        for (int i = 0; i < values.Length; i++) Assert.Equal(i * i, values[i]);
    }

    [Fact]
    public void RecyclableMemoryStream_WritesAndReadsBack()
    {
        var manager = new RecyclableMemoryStreamManager();
        var rng = new Random(6);
        for (int round = 0; round < 200; round++)
        {
            var bytes = new byte[rng.Next(1, 200_000)];
            rng.NextBytes(bytes);
            using var stream = manager.GetStream("test");
            stream.Write(bytes);
            stream.Position = 0;
            var back = new byte[bytes.Length];
            stream.ReadExactly(back);
            Assert.True(back.AsSpan().SequenceEqual(bytes));
        }
    }
}
