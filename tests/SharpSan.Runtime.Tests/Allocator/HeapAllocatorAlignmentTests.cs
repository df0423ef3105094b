using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Tests.Support;

namespace SharpSan.Runtime.Tests.Allocator;

public sealed unsafe class HeapAllocatorAlignmentTests
{
    [Fact]
    public void Allocate_ReturnsPointersAlignedToEveryPowerOfTwoFrom16To4096()
    {
        var heap = TestHeaps.Create();
        foreach (ulong size in new ulong[] { 0, 1, 24, 100, 5000 })
        {
            for (nuint alignment = 16; alignment <= 4096; alignment <<= 1)
            {
                void* p = heap.Allocate(size, alignment, AllocationFamily.NativeMemoryAligned, zero: false, allocStack: 0);
                Assert.True((nuint)p % alignment == 0, $"size {size}, alignment {alignment}: got 0x{(nuint)p:x}");
                Assert.True(HeapAllocator.TryGetChunk((nuint)p, out var chunk));
                Assert.Equal(alignment, chunk.Alignment);
                Assert.Equal(size, chunk.UserSize);
                Assert.Equal(FreeOutcome.Freed, heap.Free(p, AllocationFamily.NativeMemoryAligned, 0, out _));
            }
        }
    }

    [Fact]
    public void Allocate_WithAlignmentBelow16_StillReturns16ByteAlignedChunks()
    {
        var heap = TestHeaps.Create();
        for (nuint alignment = 1; alignment < 16; alignment <<= 1)
        {
            void* p = heap.Allocate(10, alignment, AllocationFamily.NativeMemory, zero: false, allocStack: 0);
            Assert.True((nuint)p % 16 == 0, $"alignment {alignment}: got 0x{(nuint)p:x}");
            Assert.Equal(FreeOutcome.Freed, heap.Free(p, AllocationFamily.NativeMemory, 0, out _));
        }
    }
}
