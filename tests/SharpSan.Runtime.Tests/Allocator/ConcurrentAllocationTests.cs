using SharpSan.Runtime.Address;
using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Tests.Support;

namespace SharpSan.Runtime.Tests.Allocator;

public sealed unsafe class ConcurrentAllocationTests
{
    sealed record Held(nuint Pointer, ulong Size, AllocationFamily Family, byte Pattern);

    [Fact]
    public void EightThreadsAllocatingAndFreeing_EndWithEveryHeldChunkIntactAndTheLiveSetMatching()
    {
        // A small quarantine keeps chunks being released and their memory reused while other threads allocate.
        var heap = TestHeaps.Create("quarantine_size_mb=1");
        const int Threads = 8, OpsPerThread = 20_000, MaxHeld = 64;
        var families = new[] { AllocationFamily.NativeMemory, AllocationFamily.NativeMemoryAligned, AllocationFamily.HGlobal, AllocationFamily.CoTaskMem };
        var heldByThread = new List<Held>[Threads];
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var start = new Barrier(Threads);

        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var random = new Random(1000 + t);
            var held = heldByThread[t] = [];
            start.SignalAndWait();
            try
            {
                for (int op = 0; op < OpsPerThread; op++)
                {
                    if (held.Count > 0 && (held.Count >= MaxHeld || random.Next(2) == 0))
                    {
                        int i = random.Next(held.Count);
                        var h = held[i];
                        held[i] = held[^1];
                        held.RemoveAt(held.Count - 1);
                        string? problem = Check(h);
                        if (problem is not null) failures.Enqueue($"T{t} op {op} before free: {problem}");
                        var outcome = heap.Free((void*)h.Pointer, h.Family, 0, out _);
                        if (outcome != FreeOutcome.Freed) failures.Enqueue($"T{t} op {op}: free of 0x{h.Pointer:x} gave {outcome}");
                    }
                    else
                    {
                        ulong size = (ulong)(random.Next(8) == 0 ? random.Next(4096, 20_000) : random.Next(0, 600));
                        nuint alignment = (nuint)16 << random.Next(4);
                        var family = families[random.Next(families.Length)];
                        byte pattern = (byte)(1 + random.Next(255));
                        nuint p = (nuint)heap.Allocate(size, alignment, family, zero: random.Next(2) == 0, allocStack: t + 1);
                        if (p % alignment != 0) failures.Enqueue($"T{t} op {op}: 0x{p:x} not aligned to {alignment}");
                        new Span<byte>((void*)p, (int)size).Fill(pattern);
                        held.Add(new Held(p, size, family, pattern));
                    }
                }
            }
            catch (Exception e)
            {
                failures.Enqueue($"T{t}: {e}");
            }
        })).ToList();
        threads.ForEach(th => th.Start());
        threads.ForEach(th => th.Join());

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(20)));
        var allHeld = heldByThread.SelectMany(h => h).ToList();
        foreach (var h in allHeld)
        {
            string? problem = Check(h);
            Assert.True(problem is null, problem);
        }
        Assert.Equal(allHeld.Select(h => h.Pointer).Order(), heap.LiveChunkStarts().Order());

        foreach (var h in allHeld) Assert.Equal(FreeOutcome.Freed, heap.Free((void*)h.Pointer, h.Family, 0, out _));
        Assert.Empty(heap.LiveChunkStarts());
    }

    /// <summary>Null when the chunk is valid, allocated, as described, unpoisoned and still holds its owner's pattern.</summary>
    static string? Check(Held h)
    {
        if (!HeapAllocator.TryGetChunk(h.Pointer, out var chunk)) return $"0x{h.Pointer:x} is not a chunk";
        if (chunk.State != ChunkState.Allocated) return $"0x{h.Pointer:x} is {chunk.State}";
        if (chunk.UserSize != h.Size || chunk.Family != h.Family) return $"0x{h.Pointer:x} header says {chunk.UserSize} bytes {chunk.Family}, expected {h.Size} {h.Family}";
        if (ShadowMemory.FirstBadAddress(h.Pointer, (nuint)h.Size) is var bad && bad != 0) return $"0x{h.Pointer:x}: byte {bad - h.Pointer} is poisoned";
        if (ShadowMemory.IsByteAddressable(h.Pointer + (nuint)h.Size)) return $"0x{h.Pointer:x}: the byte after the chunk is addressable";
        int other = new ReadOnlySpan<byte>((void*)h.Pointer, (int)h.Size).IndexOfAnyExcept(h.Pattern);
        return other >= 0 ? $"0x{h.Pointer:x}: byte {other} was overwritten by someone else" : null;
    }
}
