using System.Runtime.InteropServices;
using SharpSan.Runtime.Address;
using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Tests.Support;

namespace SharpSan.Runtime.Tests.Allocator;

public sealed unsafe class HeapAllocatorFreeTests
{
    const AllocationFamily Family = AllocationFamily.NativeMemory;

    [Theory]
    [InlineData(1UL)]
    [InlineData(13UL)]
    [InlineData(64UL)]
    [InlineData(1000UL)]
    public void Free_MovesTheChunkToQuarantineAndPoisonsItsUserBytesAsFreed(ulong size)
    {
        var heap = TestHeaps.Create();
        var layout = ChunkLayout.For(size, 16, 16, 2048);
        nuint p = (nuint)heap.Allocate(size, 16, Family, zero: false, allocStack: 7);

        var outcome = heap.Free((void*)p, Family, freeStack: 1234, out var freed);

        Assert.Equal(FreeOutcome.Freed, outcome);
        Assert.Equal(p, freed.UserBegin);
        Assert.True(HeapAllocator.TryGetChunk(p, out var chunk), "a quarantined chunk is still ours");
        Assert.Equal(ChunkState.Quarantined, chunk.State);
        Assert.Equal(size, chunk.UserSize);
        Assert.Equal(7, chunk.AllocStack);
        Assert.Equal(1234, chunk.Free.FreeStack);
        HeapShadow.AssertAll((byte)ShadowCode.HeapFreed, p, p + layout.UserRounded, "freed user bytes");
        HeapShadow.AssertAll((byte)ShadowCode.HeapLeftRedzone, p - layout.LeftRedzone, p, "left redzone after free");
        HeapShadow.AssertAll((byte)ShadowCode.HeapLeftRedzone, p + layout.UserRounded, p + layout.UserRounded + layout.RightRedzone, "right redzone after free");
        Assert.Equal(1, heap.Quarantine.Count);
        Assert.Equal((long)heap.Footprint((ulong)size, 16).Footprint, heap.Quarantine.Bytes);
        Assert.DoesNotContain(p, heap.LiveChunkStarts());
    }

    [Fact]
    public void Free_Twice_ReportsDoubleFreeAndLeavesTheQuarantineUnchanged()
    {
        var heap = TestHeaps.Create();
        void* p = heap.Allocate(32, 16, Family, zero: false, allocStack: 0);
        Assert.Equal(FreeOutcome.Freed, heap.Free(p, Family, 1, out _));
        long bytes = heap.Quarantine.Bytes;

        Assert.Equal(FreeOutcome.DoubleFree, heap.Free(p, Family, 2, out var chunk));

        Assert.Equal((nuint)p, chunk.UserBegin);
        Assert.Equal(1, heap.Quarantine.Count);
        Assert.Equal(bytes, heap.Quarantine.Bytes);
        Assert.True(HeapAllocator.TryGetChunk((nuint)p, out var again));
        Assert.Equal(1, again.Free.FreeStack); // the first free's record survives
    }

    [Theory]
    [InlineData(AllocationFamily.NativeMemory, AllocationFamily.HGlobal)]
    [InlineData(AllocationFamily.NativeMemory, AllocationFamily.NativeMemoryAligned)]
    [InlineData(AllocationFamily.CoTaskMem, AllocationFamily.HGlobal)]
    [InlineData(AllocationFamily.HGlobal, AllocationFamily.CoTaskMem)]
    public void Free_WithAnotherFamily_ReportsMismatchAndLeavesTheChunkAllocated(AllocationFamily allocatedAs, AllocationFamily freedAs)
    {
        var heap = TestHeaps.Create();
        void* p = heap.Allocate(40, 16, allocatedAs, zero: false, allocStack: 0);

        Assert.Equal(FreeOutcome.Mismatch, heap.Free(p, freedAs, 0, out var chunk));

        Assert.Equal(allocatedAs, chunk.Family);
        Assert.True(HeapAllocator.TryGetChunk((nuint)p, out var still));
        Assert.Equal(ChunkState.Allocated, still.State);
        Assert.Contains((nuint)p, heap.LiveChunkStarts());
        Assert.Equal(FreeOutcome.Freed, heap.Free(p, allocatedAs, 0, out _));
    }

    [Fact]
    public void FreeUnchecked_AfterAMismatch_FreesTheChunk()
    {
        var heap = TestHeaps.Create();
        void* p = heap.Allocate(40, 16, AllocationFamily.HGlobal, zero: false, allocStack: 0);
        Assert.Equal(FreeOutcome.Mismatch, heap.Free(p, AllocationFamily.NativeMemory, 0, out var chunk));

        Assert.Equal(FreeOutcome.Freed, heap.FreeUnchecked(chunk, 0));

        Assert.True(HeapAllocator.TryGetChunk((nuint)p, out var freed));
        Assert.Equal(ChunkState.Quarantined, freed.State);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(63)]
    public void Free_OfAPointerInsideAChunk_ReportsInteriorAndFreesNothing(int offset)
    {
        var heap = TestHeaps.Create();
        byte* p = (byte*)heap.Allocate(64, 16, Family, zero: false, allocStack: 0);

        Assert.Equal(FreeOutcome.Interior, heap.Free(p + offset, Family, 0, out var chunk));

        Assert.Equal((nuint)p, chunk.UserBegin);
        Assert.True(HeapAllocator.TryGetChunk((nuint)p, out var still));
        Assert.Equal(ChunkState.Allocated, still.State);
        Assert.Equal(0, heap.Quarantine.Count);
        Assert.Equal(FreeOutcome.Freed, heap.Free(p, Family, 0, out _));
    }

    [Fact]
    public void Free_OfAFreedChunkWithAnotherFamily_ReportsDoubleFreeNotMismatch()
    {
        // ASan's Deallocate moves the chunk to quarantine (reporting a double free if it was not allocated)
        // before it compares allocation types, so a second free is a double free whatever API it uses.
        var heap = TestHeaps.Create();
        void* p = heap.Allocate(32, 16, AllocationFamily.NativeMemory, zero: false, allocStack: 0);
        Assert.Equal(FreeOutcome.Freed, heap.Free(p, AllocationFamily.NativeMemory, 0, out _));

        Assert.Equal(FreeOutcome.DoubleFree, heap.Free(p, AllocationFamily.HGlobal, 0, out _));
    }

    [Theory]
    [InlineData(32, 32)]   // one past the end: the first byte of the right redzone
    [InlineData(100, 140)] // deeper in the right redzone (64 bytes for a 100-byte chunk)
    [InlineData(32, -16)]  // the chunk header in the left redzone
    [InlineData(100, -32)] // further left in the left redzone
    public void Free_OfAPointerIntoAChunksRedzone_IsNotHandedToTheSystemAllocator(int size, int offset)
    {
        // NotOurs sends the pointer to the real free(), which aborts (or corrupts the heap) on an address inside
        // one of our chunks. ASan reports any such pointer as a bad free.
        var heap = TestHeaps.Create();
        byte* p = (byte*)heap.Allocate((ulong)size, 16, Family, zero: false, allocStack: 0);
        try
        {
            Assert.Equal(FreeOutcome.Interior, heap.Free(p + offset, Family, 0, out _));
            Assert.False(AddressSanitizer.IsForeign(p + offset), "realloc would hand it to the system allocator");
        }
        finally
        {
            heap.Free(p, Family, 0, out _);
        }
    }

    [Fact]
    public void Free_OfMemoryFromTheSystemAllocator_ReportsNotOurs()
    {
        var heap = TestHeaps.Create();
        void* foreign = NativeMemory.AlignedAlloc(64, 16);
        try
        {
            Assert.Equal(FreeOutcome.NotOurs, heap.Free(foreign, Family, 0, out _));
            Assert.Equal(0, heap.Quarantine.Count);
        }
        finally
        {
            NativeMemory.AlignedFree(foreign);
        }
    }
}
