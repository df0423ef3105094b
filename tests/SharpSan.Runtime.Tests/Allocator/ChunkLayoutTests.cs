using System.Numerics;
using SharpSan.Runtime.Address.Allocator;

namespace SharpSan.Runtime.Tests.Allocator;

public sealed class ChunkLayoutTests
{
    const int DefaultMin = 16, DefaultMax = 2048;

    // compiler-rt ComputeRZLog: thresholds 64-16, 128-32, 512-64, 4096-128, 2^14-256, 2^15-512, 2^16-1024.
    [Theory]
    [InlineData(0UL, 16)]
    [InlineData(1UL, 16)]
    [InlineData(48UL, 16)]
    [InlineData(49UL, 32)]
    [InlineData(96UL, 32)]
    [InlineData(97UL, 64)]
    [InlineData(448UL, 64)]
    [InlineData(449UL, 128)]
    [InlineData(3968UL, 128)]
    [InlineData(3969UL, 256)]
    [InlineData(16128UL, 256)]
    [InlineData(16129UL, 512)]
    [InlineData(32256UL, 512)]
    [InlineData(32257UL, 1024)]
    [InlineData(64512UL, 1024)]
    [InlineData(64513UL, 2048)]
    [InlineData(1UL << 20, 2048)]
    [InlineData(1UL << 39, 2048)]
    public void RedzoneFor_GrowsWithSizeLikeAsanComputeRZLog(ulong size, int expected)
    {
        Assert.Equal((nuint)expected, ChunkLayout.RedzoneFor(size, DefaultMin, DefaultMax));
        Assert.Equal((nuint)expected, ChunkLayout.For(size, 16, DefaultMin, DefaultMax).RightRedzone);
    }

    [Theory]
    [InlineData(1UL, 128, 2048, 128)]        // min raises small redzones
    [InlineData(100_000UL, 128, 2048, 2048)] // min does not lower large ones
    [InlineData(100_000UL, 16, 256, 256)]    // max caps large redzones
    [InlineData(1UL, 16, 256, 16)]           // max does not raise small ones
    [InlineData(1UL, 0, 2048, 16)]           // never below the 16 bytes the header needs
    [InlineData(100_000UL, 16, 8, 16)]
    [InlineData(1UL, 100, 2048, 128)]        // a non-power-of-two minimum is rounded up to a power of two
    public void RedzoneFor_IsClampedByTheMinAndMaxOptions(ulong size, int min, int max, int expected) =>
        Assert.Equal((nuint)expected, ChunkLayout.RedzoneFor(size, min, max));

    [Fact]
    public void RedzoneFor_IsAPowerOfTwoAndMonotonicInSize()
    {
        nuint previous = 0;
        for (ulong size = 0; size < 70_000; size += 7)
        {
            nuint rz = ChunkLayout.RedzoneFor(size, DefaultMin, DefaultMax);
            Assert.True(BitOperations.IsPow2((ulong)rz), $"size {size}: redzone {rz}");
            Assert.True(rz >= previous, $"size {size}: redzone {rz} shrank from {previous}");
            previous = rz;
        }
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(100UL)]
    [InlineData(5000UL)]
    [InlineData(100_000UL)]
    public void LeftRedzone_IsAtLeastTheAlignmentAndTheRedzone(ulong size)
    {
        for (nuint alignment = 1; alignment <= 8192; alignment <<= 1)
        {
            var layout = ChunkLayout.For(size, alignment, DefaultMin, DefaultMax);
            nuint rz = ChunkLayout.RedzoneFor(size, DefaultMin, DefaultMax);
            Assert.True(layout.LeftRedzone >= alignment, $"alignment {alignment}: left redzone {layout.LeftRedzone}");
            Assert.True(layout.LeftRedzone >= rz, $"alignment {alignment}: left redzone {layout.LeftRedzone} < redzone {rz}");
            Assert.True(layout.LeftRedzone >= 16, "the chunk header needs 16 bytes of left redzone");
            // The chunk start is aligned to Alignment, so the user start is aligned only if the left redzone is a multiple of it.
            Assert.True(layout.Alignment >= alignment && layout.LeftRedzone % layout.Alignment == 0,
                $"alignment {alignment}: left redzone {layout.LeftRedzone}, chunk alignment {layout.Alignment}");
        }
    }

    [Theory]
    [InlineData(0UL, 8)]
    [InlineData(1UL, 8)]
    [InlineData(7UL, 8)]
    [InlineData(8UL, 8)]
    [InlineData(9UL, 16)]
    [InlineData(15UL, 16)]
    [InlineData(16UL, 16)]
    [InlineData(17UL, 24)]
    [InlineData(4095UL, 4096)]
    public void UserRounded_IsTheSizeRoundedUpToAGranuleAndSizeZeroGetsOneGranule(ulong size, int expected)
    {
        var layout = ChunkLayout.For(size, 16, DefaultMin, DefaultMax);
        Assert.Equal((nuint)expected, layout.UserRounded);
        Assert.Equal(layout.LeftRedzone + layout.UserRounded + layout.RightRedzone, layout.Total);
    }
}
