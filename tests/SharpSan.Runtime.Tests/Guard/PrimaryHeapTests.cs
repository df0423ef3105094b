using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Guard;
using SharpSan.Runtime.Guard.Primary;

namespace SharpSan.Runtime.Tests.Guard;

public sealed unsafe class PrimaryHeapTests
{
    /// <summary>Every size up to the largest small block gets the smallest class that holds it with its 8-byte header.</summary>
    [Fact]
    public void EverySizeGetsTheSmallestClassThatHoldsIt()
    {
        for (ulong size = 0; size <= SizeClasses.MaxUserSize; size++)
        {
            int c = SizeClasses.For(size);
            Assert.True(SizeClasses.Stride(c) - SizeClasses.HeaderSize >= size, $"size {size}: class {c} too small");
            if (c > 0) Assert.True(SizeClasses.Stride(c - 1) - SizeClasses.HeaderSize < size, $"size {size}: class {c - 1} would do");
            Assert.Equal(0u, SizeClasses.Stride(c) % 16);
        }
    }

    [Fact]
    public void DivisibilityTestAgreesWithTheRemainder()
    {
        var random = new Random(7);
        for (int c = 0; c < SizeClasses.Count; c++)
            for (int i = 0; i < 2000; i++)
            {
                ulong offset = i < 1000 ? (ulong)i * 16 : (ulong)random.NextInt64(0, 1L << 29);
                Assert.Equal(offset % SizeClasses.Stride(c) == 0, SizeClasses.IsMultiple(c, offset));
            }
    }

    [Fact]
    public void AFreshClassHandsOutAdjacentBlocksInAscendingOrder()
    {
        var heap = new PrimaryHeap(0);
        int c = SizeClasses.For(40);
        nuint first = heap.Take(c), second = heap.Take(c);
        Assert.Equal(first + SizeClasses.Stride(c), second);
        Assert.Equal(HeapPosition.BlockStart, heap.Locate((void*)second, out int found, out nuint start));
        Assert.Equal((c, second), (found, start));
        Assert.Equal(HeapPosition.InsideBlock, heap.Locate((void*)(second + 16), out _, out start));
        Assert.Equal(second, start);
    }

    /// <summary>
    /// A class's region past its first 2 MiB is advised for transparent huge pages once the class grows there, and its
    /// first 2 MiB are not (a class a program uses little costs no 2 MiB page): read back from the kernel's VmFlags.
    /// </summary>
    [Fact]
    public void AClassGrownPastTwoMiBAsksForHugePagesBeyondThem()
    {
        var heap = new PrimaryHeap(0);
        int c = SizeClasses.For(4000);
        nuint first = heap.Take(c), last = first;
        Assert.False(AdvisedHuge(first), "before the class grew");
        for (int i = 0; i < (3 << 20) / (int)SizeClasses.Stride(c); i++) last = heap.Take(c);
        Assert.True(last - first > (2u << 20));
        Assert.True(AdvisedHuge(last), "past the first 2 MiB");
        Assert.False(AdvisedHuge(first), "within the first 2 MiB");
    }

    /// <summary>Whether the mapping that holds <paramref name="address"/> carries the kernel's "hg" flag (MADV_HUGEPAGE).</summary>
    static bool AdvisedHuge(nuint address)
    {
        bool inside = false;
        foreach (string line in File.ReadLines("/proc/self/smaps"))
        {
            int dash = line.IndexOf('-');
            int space = line.IndexOf(' ');
            if (dash > 0 && space > dash && ulong.TryParse(line[..dash], System.Globalization.NumberStyles.HexNumber, null, out ulong start)
                && ulong.TryParse(line[(dash + 1)..space], System.Globalization.NumberStyles.HexNumber, null, out ulong end))
                inside = address >= start && address < end;
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
                return line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("hg");
        }
        throw new InvalidOperationException($"no mapping holds 0x{address:x}");
    }

    /// <summary>
    /// What the header promises without chance: a changed tag, size class or checksum byte never passes (bytes 4–7 and
    /// the class bits), and a state change alone is no corruption.
    /// </summary>
    [Fact]
    public void AHeaderAlwaysRejectsAChangedTagClassOrChecksum()
    {
        nuint user = unchecked((nuint)0x7000_0000_1010);
        ulong word = BlockHeader.Make(user, 40, AllocationFamily.NativeMemory, 3, GuardChunkState.Allocated);
        Assert.True(BlockHeader.Holds(word, user, 3));
        Assert.True(BlockHeader.Holds(BlockHeader.WithState(word, GuardChunkState.Quarantined), user, 3));
        Assert.False(BlockHeader.Holds(word, user, 4));
        Assert.False(BlockHeader.Holds(word ^ (1UL << 30), user, 3), "class bit");
        for (int b = 4; b < 8; b++)
            for (int bit = 0; bit < 8; bit++)
                Assert.False(BlockHeader.Holds(word ^ (1UL << (8 * b + bit)), user, 3), $"byte {b} bit {bit}");
    }

    /// <summary>
    /// A changed size or family, or a header read at another block's address, is caught by the 16-bit checksum: with
    /// probability 1 − 2⁻¹⁶ each (Scudo's checksum is 16 bits too), never with certainty. Over 200,000 random headers
    /// and changes about 3 pass unnoticed; more than 20 (a Poisson tail below 10⁻¹⁰) would mean a weak checksum.
    /// </summary>
    [Fact]
    public void AHeaderMissesAChangedSizeOrAddressOnlyAtTheChecksumsRate()
    {
        var random = new Random(1234);
        int trials = 200_000, missed = 0;
        for (int i = 0; i < trials; i++)
        {
            nuint user = (nuint)(0x7000_0000_0000UL + ((ulong)random.NextInt64(1, 1L << 28) << 4));
            int sizeClass = random.Next(SizeClasses.Count);
            ulong word = BlockHeader.Make(user, (ulong)random.Next(1 << 16), AllocationFamily.NativeMemory, sizeClass, GuardChunkState.Allocated);
            bool passed = (i % 2) == 0
                ? BlockHeader.Holds(word ^ (ulong)random.Next(1, 1 << 20), user, sizeClass)            // an overflow changed the size
                : BlockHeader.Holds(word, user + 16 * (nuint)random.Next(1, 4096), sizeClass);          // a header at another address
            if (passed) missed++;
        }
        Assert.InRange(missed, 0, 20);
    }

    [Fact]
    public void AnUntouchedHeaderAlwaysHolds()
    {
        var random = new Random(99);
        for (int i = 0; i < 10_000; i++)
        {
            nuint user = (nuint)(0x7000_0000_0000UL + ((ulong)random.NextInt64(1, 1L << 28) << 4));
            int sizeClass = random.Next(SizeClasses.Count);
            ulong word = BlockHeader.Make(user, (ulong)random.Next(1 << 16), AllocationFamily.HGlobal, sizeClass, GuardChunkState.Allocated);
            Assert.True(BlockHeader.Holds(word, user, sizeClass));
        }
    }

    [Fact]
    public void FreeBlocksGiveBackEveryBlockOnceLowestFirstAcrossSegments()
    {
        nuint first = unchecked((nuint)0x7000_0000_0010), stride = 112;
        var free = new FreeBlocks(first, stride);
        const int n = 1_200_000;   // more than two segments of bits
        var order = Enumerable.Range(0, n).ToArray();
        new Random(7).Shuffle(order);
        foreach (int i in order) free.Push(first + (nuint)i * stride);
        Assert.Equal(n, free.Count);
        for (int i = 0; i < n; i++) Assert.Equal(first + (nuint)i * stride, free.Pop());
        Assert.Equal(0, free.Count);
    }

    /// <summary>A block pushed below the lowest one left is the next one out, also after the list ran empty.</summary>
    [Fact]
    public void FreeBlocksHandOutALowerBlockPushedLater()
    {
        nuint first = unchecked((nuint)0x7000_0000_0010), stride = 48;
        var free = new FreeBlocks(first, stride);
        free.Push(first + 900 * stride);
        free.Push(first + 70_000 * stride);
        Assert.Equal(first + 900 * stride, free.Pop());
        free.Push(first + 3 * stride);
        Assert.Equal(first + 3 * stride, free.Pop());
        Assert.Equal(first + 70_000 * stride, free.Pop());
        Assert.Equal(0, free.Count);
        free.Push(first + 65 * stride);
        Assert.Equal(first + 65 * stride, free.Pop());
    }

    /// <summary>Blocks that overflow a thread's cache go to the class's shared list and come back once each, never twice.</summary>
    [Fact]
    public void BlocksFreedPastTheCacheComeBackOnceEach()
    {
        var heap = new PrimaryHeap(0);
        int c = SizeClasses.For(64);
        var taken = new List<nuint>();
        for (int i = 0; i < 5_000; i++) taken.Add(heap.Take(c));
        Assert.Equal(taken.Count, taken.Distinct().Count());
        foreach (var block in taken) heap.Quarantine(block, c);
        var again = new HashSet<nuint>();
        for (int i = 0; i < taken.Count; i++) Assert.True(again.Add(heap.Take(c)), "a block handed out twice");
        // A refill tops a short list up with new blocks, so up to a refill's worth of freed ones may still wait.
        Assert.InRange(again.Count(taken.Contains), taken.Count - PrimaryHeap.CacheCapacity, taken.Count);
    }
}
