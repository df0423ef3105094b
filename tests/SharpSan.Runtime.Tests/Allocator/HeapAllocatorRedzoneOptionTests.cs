using SharpSan.Runtime.Address;
using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Common.Options;

namespace SharpSan.Runtime.Tests.Allocator;

public sealed unsafe class HeapAllocatorRedzoneOptionTests
{
    [Theory]
    [InlineData("redzone=128", 1UL, 128)]
    [InlineData("max_redzone=64", 100_000UL, 64)]
    public void Allocate_UsesTheRedzoneOptionsForTheChunkLayout(string text, ulong size, int expectedRedzone)
    {
        var options = SanitizerOptions.Parse(text);
        var heap = new HeapAllocator(options);
        nuint p = (nuint)heap.Allocate(size, 16, AllocationFamily.NativeMemory, zero: false, allocStack: 0);
        try
        {
            var layout = ChunkLayout.For(size, 16, options.Redzone, options.MaxRedzone);
            Assert.Equal((nuint)expectedRedzone, layout.RightRedzone);
            Assert.Equal((byte)ShadowCode.HeapLeftRedzone, (byte)ShadowMemory.Read(p + layout.UserRounded + layout.RightRedzone - 8));
        }
        finally
        {
            heap.Free((void*)p, AllocationFamily.NativeMemory, 0, out _);
        }
    }

    /// <summary>
    /// compiler-rt CHECKs max_redzone >= redzone (and max_redzone <= 2048) at start-up. SharpSan may reject the
    /// pair when parsing or settle on a redzone, but it must not accept it and then fail every allocation.
    /// </summary>
    [Theory]
    [InlineData("redzone=256:max_redzone=128")]
    [InlineData("redzone=4096")]
    public void Allocate_WithRedzoneAboveMaxRedzone_WorksUnlessParseRejectedTheOptions(string text)
    {
        SanitizerOptions options;
        try
        {
            options = SanitizerOptions.Parse(text);
        }
        catch (OptionsException)
        {
            return; // rejected up front, as ASan does
        }
        var heap = new HeapAllocator(options);

        void* p = heap.Allocate(100, 16, AllocationFamily.NativeMemory, zero: false, allocStack: 0);

        Assert.True(HeapAllocator.TryGetChunk((nuint)p, out _));
        Assert.Equal(FreeOutcome.Freed, heap.Free(p, AllocationFamily.NativeMemory, 0, out _));
    }
}
