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

    [Fact]
    public void AHeaderDetectsAnyChangedByteAndAnotherAddress()
    {
        nuint user = unchecked((nuint)0x7000_0000_1010);
        ulong word = BlockHeader.Make(user, 40, AllocationFamily.NativeMemory, 3, GuardChunkState.Allocated);
        Assert.True(BlockHeader.Holds(word, user, 3));
        Assert.True(BlockHeader.Holds(BlockHeader.WithState(word, GuardChunkState.Quarantined), user, 3));
        Assert.False(BlockHeader.Holds(word, user + 48, 3));
        Assert.False(BlockHeader.Holds(word, user, 4));
        for (int b = 0; b < 8; b++)
            Assert.False(BlockHeader.Holds(word ^ (0x41UL << (8 * b)), user, 3), $"byte {b}");
    }
}
