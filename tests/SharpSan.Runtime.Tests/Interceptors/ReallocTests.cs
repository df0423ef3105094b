using SharpSan.Runtime.Address;
using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Address.Interceptors;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Tests.Interceptors;

/// <summary>
/// Realloc as ASan does it, through the NativeMemory interceptors and the process-wide heap: always a new chunk,
/// min(old, new) bytes copied, the old chunk quarantined. The shadow call stack is empty here, so the captured
/// stacks hold only the synthetic API frame.
/// </summary>
public sealed unsafe class ReallocTests
{
    static void FillSequence(byte* p, int count)
    {
        for (int i = 0; i < count; i++) p[i] = (byte)(i * 7 + 3);
    }

    static int FirstSequenceMismatch(byte* p, int count)
    {
        for (int i = 0; i < count; i++)
            if (p[i] != (byte)(i * 7 + 3)) return i;
        return -1;
    }

    [Theory]
    [InlineData(100, 100)]
    [InlineData(100, 300)]
    [InlineData(300, 100)]
    [InlineData(1, 4096)]
    [InlineData(5000, 8)]
    [InlineData(64, 0)]
    public void Realloc_ReturnsANewChunkWithTheCommonPrefixCopiedAndQuarantinesTheOldOne(int oldSize, int newSize)
    {
        int reportsBefore = SanitizerRuntime.ReportCount;
        byte* old = (byte*)NativeMemoryInterceptors.Alloc((nuint)oldSize);
        FillSequence(old, oldSize);

        byte* fresh = (byte*)NativeMemoryInterceptors.Realloc(old, (nuint)newSize);
        try
        {
            Assert.True(fresh != old, "realloc must move so the old pointer is caught as use-after-free");
            Assert.Equal(-1, FirstSequenceMismatch(fresh, Math.Min(oldSize, newSize)));

            Assert.True(HeapAllocator.TryGetChunk((nuint)fresh, out var chunk));
            Assert.Equal(ChunkState.Allocated, chunk.State);
            Assert.Equal((ulong)newSize, chunk.UserSize);
            Assert.Equal(AllocationFamily.NativeMemory, chunk.Family);
            Assert.Equal((nuint)0, ShadowMemory.FirstBadAddress((nuint)fresh, (nuint)newSize));
            Assert.False(ShadowMemory.IsByteAddressable((nuint)fresh + (nuint)newSize));

            Assert.True(HeapAllocator.TryGetChunk((nuint)old, out var previous));
            Assert.Equal(ChunkState.Quarantined, previous.State);
            Assert.Equal((byte)ShadowCode.HeapFreed, (byte)ShadowMemory.Read((nuint)old));
            Assert.DoesNotContain((nuint)old, AddressSanitizer.Heap.LiveChunkStarts());
            Assert.Equal(reportsBefore, SanitizerRuntime.ReportCount);
        }
        finally
        {
            NativeMemoryInterceptors.Free(fresh);
        }
    }

    [Fact]
    public void Realloc_Growing_FillsTheNewTailWithTheMallocFillByte()
    {
        byte* old = (byte*)NativeMemoryInterceptors.Alloc(10);
        FillSequence(old, 10);

        byte* fresh = (byte*)NativeMemoryInterceptors.Realloc(old, 50);
        try
        {
            Assert.Equal(-1, FirstSequenceMismatch(fresh, 10));
            Assert.True(new ReadOnlySpan<byte>(fresh + 10, 40).IndexOfAnyExcept((byte)0xbe) < 0);
        }
        finally
        {
            NativeMemoryInterceptors.Free(fresh);
        }
    }

    [Fact]
    public void Realloc_OfNull_Allocates()
    {
        byte* p = (byte*)NativeMemoryInterceptors.Realloc(null, 24);
        try
        {
            Assert.True(HeapAllocator.TryGetChunk((nuint)p, out var chunk));
            Assert.Equal(24UL, chunk.UserSize);
            Assert.Equal(ChunkState.Allocated, chunk.State);
        }
        finally
        {
            NativeMemoryInterceptors.Free(p);
        }
    }

    [Theory]
    [InlineData(64)]
    [InlineData(512)]
    [InlineData(4096)]
    public void AlignedRealloc_KeepsTheAlignmentAndTheAlignedFamily(int alignment)
    {
        int reportsBefore = SanitizerRuntime.ReportCount;
        byte* old = (byte*)NativeMemoryInterceptors.AlignedAlloc(40, (nuint)alignment);
        FillSequence(old, 40);

        byte* fresh = (byte*)NativeMemoryInterceptors.AlignedRealloc(old, 200, (nuint)alignment);
        try
        {
            Assert.True(fresh != old);
            Assert.True((nuint)fresh % (nuint)alignment == 0, $"0x{(nuint)fresh:x} is not aligned to {alignment}");
            Assert.Equal(-1, FirstSequenceMismatch(fresh, 40));
            Assert.True(HeapAllocator.TryGetChunk((nuint)fresh, out var chunk));
            Assert.Equal(AllocationFamily.NativeMemoryAligned, chunk.Family);
            Assert.True(HeapAllocator.TryGetChunk((nuint)old, out var previous));
            Assert.Equal(ChunkState.Quarantined, previous.State);
            Assert.Equal(reportsBefore, SanitizerRuntime.ReportCount);
        }
        finally
        {
            NativeMemoryInterceptors.AlignedFree(fresh);
        }
    }

    [Fact]
    public void Realloc_RecordsTheReallocCallAsTheOldChunksFreeStackAndTheNewChunksAllocStack()
    {
        byte* old = (byte*)NativeMemoryInterceptors.Alloc(32);
        byte* fresh = (byte*)NativeMemoryInterceptors.Realloc(old, 64);
        try
        {
            Assert.True(HeapAllocator.TryGetChunk((nuint)old, out var previous));
            Assert.True(HeapAllocator.TryGetChunk((nuint)fresh, out var current));
            Assert.Equal("System.Runtime.InteropServices.NativeMemory.Alloc(nuint)", InnermostFrameName(previous.AllocStack));
            Assert.Equal("System.Runtime.InteropServices.NativeMemory.Realloc(void*, nuint)", InnermostFrameName(previous.Free.FreeStack));
            Assert.Equal("System.Runtime.InteropServices.NativeMemory.Realloc(void*, nuint)", InnermostFrameName(current.AllocStack));
        }
        finally
        {
            NativeMemoryInterceptors.Free(fresh);
        }
    }

    static string InnermostFrameName(int stackId)
    {
        var frames = StackDepot.Get(stackId);
        Assert.NotEmpty(frames);
        var frame = StackFrame.Unpack(frames[0]);
        Assert.Equal(StackFrame.SyntheticKey, frame.FrameKey);
        return SyntheticFrames.Name(frame.IlOffset);
    }
}
