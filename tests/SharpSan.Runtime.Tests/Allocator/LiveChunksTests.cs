using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Tests.Support;

namespace SharpSan.Runtime.Tests.Allocator;

public sealed unsafe class LiveChunksTests
{
    [Fact]
    public void Snapshot_HoldsExactlyWhatWasAddedAndNotRemoved()
    {
        var live = new LiveChunks();
        var added = Enumerable.Range(1, 1000).Select(i => (nuint)(0x7f00_0000_0000UL + (ulong)i * 48)).ToList();
        foreach (var p in added) live.Add(p);
        Assert.Equal(added.Order(), live.Snapshot().Order());

        foreach (var p in added.Where((_, i) => i % 3 == 0)) live.Remove(p);

        Assert.Equal(added.Where((_, i) => i % 3 != 0).Order(), live.Snapshot().Order());
    }

    [Fact]
    public void Add_OfAnAddressAlreadyPresent_KeepsOneEntryAndRemoveOfAnAbsentOneIsHarmless()
    {
        var live = new LiveChunks();
        live.Add(0x1000);
        live.Add(0x1000);
        live.Remove(0x2000);

        Assert.Equal([(nuint)0x1000], live.Snapshot());
    }

    [Fact]
    public void AddAndRemove_FromEightThreads_LoseNothing()
    {
        var live = new LiveChunks();
        const int PerThread = 20_000;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            for (int i = 0; i < PerThread; i++) live.Add((nuint)((t * PerThread + i + 1) * 16));
            for (int i = 0; i < PerThread; i += 2) live.Remove((nuint)((t * PerThread + i + 1) * 16));
        });

        var expected = Enumerable.Range(0, 8).SelectMany(t => Enumerable.Range(0, PerThread).Where(i => i % 2 == 1)
            .Select(i => (nuint)((t * PerThread + i + 1) * 16)));
        Assert.Equal(expected.Order(), live.Snapshot().Order());
    }

    [Fact]
    public void HeapAllocator_TracksAllocatedChunksAsLiveUntilTheyAreFreed()
    {
        var heap = TestHeaps.Create();
        var chunks = Enumerable.Range(1, 10).Select(i => (nuint)heap.Allocate((ulong)(i * 10), 16, AllocationFamily.NativeMemory, zero: false, allocStack: 0)).ToList();
        Assert.Equal(chunks.Order(), heap.LiveChunkStarts().Order());

        foreach (var p in chunks.Take(4)) heap.Free((void*)p, AllocationFamily.NativeMemory, 0, out _);
        heap.Free((void*)chunks[5], AllocationFamily.HGlobal, 0, out _);          // mismatch: not freed
        heap.Free((void*)(chunks[6] + 8), AllocationFamily.NativeMemory, 0, out _); // interior: not freed

        Assert.Equal(chunks.Skip(4).Order(), heap.LiveChunkStarts().Order());
        foreach (var p in chunks.Skip(4)) heap.Free((void*)p, AllocationFamily.NativeMemory, 0, out _);
        Assert.Empty(heap.LiveChunkStarts());
    }
}
