using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Tests.Support;

namespace SharpSan.Runtime.Tests.Allocator;

/// <summary>What fresh memory contains: malloc_fill_byte for non-zeroed allocations, zeros for zeroed ones.</summary>
public sealed unsafe class HeapAllocatorContentTests
{
    [Theory]
    [InlineData(1UL)]
    [InlineData(13UL)]
    [InlineData(4096UL)]
    [InlineData(5000UL)]
    public void Allocate_FillsTheFirstMaxMallocFillSizeBytesWithTheDefaultFillByte(ulong size)
    {
        var heap = TestHeaps.Create();
        byte* p = (byte*)heap.Allocate(size, 16, AllocationFamily.NativeMemory, zero: false, allocStack: 0);
        try
        {
            int filled = (int)Math.Min(size, 4096);
            int firstOther = new ReadOnlySpan<byte>(p, filled).IndexOfAnyExcept((byte)0xbe);
            Assert.True(firstOther < 0, $"byte {firstOther} is 0x{(firstOther < 0 ? 0 : p[firstOther]):x2}, expected 0xbe");
        }
        finally
        {
            heap.Free(p, AllocationFamily.NativeMemory, 0, out _);
        }
    }

    [Fact]
    public void Allocate_UsesTheConfiguredFillByteAndFillSize()
    {
        var heap = TestHeaps.Create("malloc_fill_byte=0x5a:max_malloc_fill_size=100");
        byte* p = (byte*)heap.Allocate(300, 16, AllocationFamily.NativeMemory, zero: false, allocStack: 0);
        try
        {
            Assert.True(new ReadOnlySpan<byte>(p, 100).IndexOfAnyExcept((byte)0x5a) < 0);
        }
        finally
        {
            heap.Free(p, AllocationFamily.NativeMemory, 0, out _);
        }
    }

    [Fact]
    public void AllocateZeroed_ReturnsZeroedMemoryEvenWhereDirtyChunksWereJustReleased()
    {
        // quarantine_size_mb=0 releases every freed chunk at once, so the system allocator hands the same dirty
        // memory straight back: the zeroing must come from the allocator, not from fresh pages.
        var heap = TestHeaps.Create("quarantine_size_mb=0");
        foreach (ulong size in new ulong[] { 1, 24, 1000, 5000, 70_000 })
        {
            for (int round = 0; round < 4; round++)
            {
                byte* dirty = (byte*)heap.Allocate(size, 16, AllocationFamily.NativeMemory, zero: false, allocStack: 0);
                new Span<byte>(dirty, (int)size).Fill(0xcc);
                Assert.Equal(FreeOutcome.Freed, heap.Free(dirty, AllocationFamily.NativeMemory, 0, out _));

                byte* p = (byte*)heap.Allocate(size, 16, AllocationFamily.NativeMemory, zero: true, allocStack: 0);
                int firstNonZero = new ReadOnlySpan<byte>(p, (int)size).IndexOfAnyExcept((byte)0);
                Assert.True(firstNonZero < 0, $"size {size}: byte {firstNonZero} of a zeroed allocation is 0x{(firstNonZero < 0 ? 0 : p[firstNonZero]):x2}");
                Assert.Equal(FreeOutcome.Freed, heap.Free(p, AllocationFamily.NativeMemory, 0, out _));
            }
        }
    }
}
