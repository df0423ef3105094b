using SharpSan.Runtime.Address;
using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Tests.Support;

namespace SharpSan.Runtime.Tests.Allocator;

/// <summary>
/// Runs alone: once a chunk is released its memory goes back to the system allocator, and a test running in
/// parallel could receive it and poison it again before these assertions read its shadow.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReleasedMemoryCollection
{
    public const string Name = "Reads the shadow of released memory";
}

[Collection(ReleasedMemoryCollection.Name)]
public sealed unsafe class QuarantineEvictionTests
{
    [Fact]
    public void Free_BeyondTheQuarantineBudget_ReleasesTheOldestChunks_LargeOnesWithClearedShadow_SmallOnesPoisoned()
    {
        var heap = TestHeaps.Create("quarantine_size_mb=1");
        const ulong Small = 100, Large = 700 << 10;
        var smallBlock = heap.Footprint(Small, 16);
        var largeLayout = ChunkLayout.For(Large, 16, 16, 2048);
        Assert.True(smallBlock.Small);
        Assert.False(heap.Footprint(Large, 16).Small);

        nuint a = (nuint)heap.Allocate(Small, 16, AllocationFamily.NativeMemory, zero: false, allocStack: 0);
        nuint b = (nuint)heap.Allocate(Large, 16, AllocationFamily.NativeMemory, zero: false, allocStack: 0);
        nuint c = (nuint)heap.Allocate(Large, 16, AllocationFamily.NativeMemory, zero: false, allocStack: 0);
        Assert.Equal(FreeOutcome.Freed, heap.Free((void*)a, AllocationFamily.NativeMemory, 0, out _));
        Assert.Equal(FreeOutcome.Freed, heap.Free((void*)b, AllocationFamily.NativeMemory, 0, out _));

        Assert.Equal(2, heap.Quarantine.Count); // ~700 KiB: within 1 MiB
        Assert.Equal((byte)ShadowCode.HeapFreed, (byte)ShadowMemory.Read(a));

        // ~1.4 MiB: a (oldest) goes, still over budget, so b goes too; c stays.
        Assert.Equal(FreeOutcome.Freed, heap.Free((void*)c, AllocationFamily.NativeMemory, 0, out _));

        Assert.Equal(1, heap.Quarantine.Count);
        Assert.Equal((long)largeLayout.Total, heap.Quarantine.Bytes);
        // A released slab slot stays SharpSan's and stays poisoned until it is handed out again.
        HeapShadow.AssertAll((byte)ShadowCode.HeapLeftRedzone, a - smallBlock.LeftRedzone, a - smallBlock.LeftRedzone + smallBlock.Footprint, "released small chunk");
        HeapShadow.AssertAll(0, b - largeLayout.LeftRedzone, b - largeLayout.LeftRedzone + largeLayout.Total, "released large chunk");
        HeapShadow.AssertAll((byte)ShadowCode.HeapFreed, c, c + largeLayout.UserRounded, "quarantined chunk");
        Assert.False(HeapAllocator.TryGetChunk(a, out _), "a released chunk is no longer known");
        Assert.True(HeapAllocator.TryGetChunk(c, out var kept), "the chunk still in quarantine is still known");
        Assert.Equal(ChunkState.Quarantined, kept.State);
    }
}
