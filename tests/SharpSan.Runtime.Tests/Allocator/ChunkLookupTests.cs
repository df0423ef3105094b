using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Common.Threads;
using SharpSan.Runtime.Tests.Support;

namespace SharpSan.Runtime.Tests.Allocator;

/// <summary>Finding a chunk from a pointer: exactly (<see cref="HeapAllocator.TryGetChunk"/>) and near (<see cref="HeapAllocator.TryFindChunkNear"/>).</summary>
public sealed unsafe class ChunkLookupTests
{
    [Fact]
    public void TryGetChunk_ReadsTheHeaderAtTheUserStart()
    {
        var heap = TestHeaps.Create();
        nuint p = (nuint)heap.Allocate(77, 64, AllocationFamily.CoTaskMem, zero: false, allocStack: 4242);
        try
        {
            Assert.True(HeapAllocator.TryGetChunk(p, out var chunk));
            Assert.Equal(p, chunk.UserBegin);
            Assert.Equal(77UL, chunk.UserSize);
            Assert.Equal(80UL, chunk.RoundedSize);
            Assert.Equal((nuint)64, chunk.Alignment);
            Assert.Equal(AllocationFamily.CoTaskMem, chunk.Family);
            Assert.Equal(ChunkState.Allocated, chunk.State);
            Assert.Equal(4242, chunk.AllocStack);
            Assert.Equal(ThreadRegistry.CurrentId, chunk.AllocThread);
        }
        finally
        {
            heap.Free((void*)p, AllocationFamily.CoTaskMem, 0, out _);
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(-16)]
    [InlineData(-8)]
    [InlineData(1)]
    public void TryGetChunk_IsFalseForAddressesThatAreNotAChunkStart(int offset)
    {
        var heap = TestHeaps.Create();
        nuint p = (nuint)heap.Allocate(64, 16, AllocationFamily.NativeMemory, zero: false, allocStack: 0);
        try
        {
            Assert.False(HeapAllocator.TryGetChunk((nuint)((nint)p + offset), out _));
        }
        finally
        {
            heap.Free((void*)p, AllocationFamily.NativeMemory, 0, out _);
        }
    }

    [Fact]
    public void TryFindChunkNear_FindsTheChunkForEveryByteOfItsLeftRedzoneUserRegionAndRightRedzone()
    {
        var heap = TestHeaps.Create();
        var sizes = new ulong[] { 24, 200, 3000, 1, 40 };
        var alignments = new nuint[] { 16, 16, 16, 16, 4096 };
        var chunks = sizes.Select((s, i) => (nuint)heap.Allocate(s, alignments[i], AllocationFamily.NativeMemory, zero: false, allocStack: 0)).ToArray();
        try
        {
            for (int i = 0; i < chunks.Length; i++)
            {
                nuint p = chunks[i];
                var layout = ChunkLayout.For(sizes[i], alignments[i], 16, 2048);
                for (nuint a = p - layout.LeftRedzone; a < p + layout.UserRounded + layout.RightRedzone; a++)
                {
                    string where = a < p ? "left redzone" : a < p + layout.UserRounded ? "user region" : "right redzone";
                    Assert.True(HeapAllocator.TryFindChunkNear(a, out var found), $"size {sizes[i]}: nothing found at offset {(long)(a - p)} ({where})");
                    Assert.True(p == found.UserBegin,
                        $"size {sizes[i]}: offset {(long)(a - p)} ({where}) found the chunk at 0x{found.UserBegin:x}, expected 0x{p:x}");
                }
            }
        }
        finally
        {
            foreach (nuint p in chunks) heap.Free((void*)p, AllocationFamily.NativeMemory, 0, out _);
        }
    }

    [Fact]
    public void TryFindChunkNear_FindsAQuarantinedChunkForAUseAfterFree()
    {
        var heap = TestHeaps.Create();
        nuint p = (nuint)heap.Allocate(100, 16, AllocationFamily.NativeMemory, zero: false, allocStack: 0);
        Assert.Equal(FreeOutcome.Freed, heap.Free((void*)p, AllocationFamily.NativeMemory, 0, out _));

        Assert.True(HeapAllocator.TryFindChunkNear(p + 50, out var chunk));

        Assert.Equal(p, chunk.UserBegin);
        Assert.Equal(ChunkState.Quarantined, chunk.State);
    }
}
