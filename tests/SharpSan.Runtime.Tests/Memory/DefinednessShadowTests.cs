using System.Runtime.InteropServices;
using SharpSan.Runtime.Memory;

namespace SharpSan.Runtime.Tests.Memory;

/// <summary>
/// MemorySanitizer's shadow rules at the runtime's level: fresh memory is defined, poison marks every bit undefined with
/// its origin, stores write the value's shadow byte by byte (little-endian, like the data), copies carry shadow and
/// origin (also across page boundaries and when the ranges overlap), and range queries find the first undefined byte.
/// </summary>
public sealed unsafe class DefinednessShadowTests : IDisposable
{
    const int Size = 256;
    readonly byte* _block = (byte*)NativeMemory.AlignedAlloc(2 * (nuint)DefinednessShadow.PageSize, (nuint)DefinednessShadow.PageSize);

    public void Dispose()
    {
        DefinednessShadow.Unpoison((nuint)_block, 2 * DefinednessShadow.PageSize);
        NativeMemory.AlignedFree(_block);
    }

    nuint At(int offset) => (nuint)(_block + offset);

    [Fact]
    public void MemoryNeverPoisoned_IsDefined()
    {
        Assert.Equal(0, DefinednessShadow.Load(At(0), 8, out int origin));
        Assert.Equal(0, origin);
        Assert.Equal(-1, DefinednessShadow.FirstUndefined(At(0), Size, out _));
    }

    [Fact]
    public void Poison_MakesEveryBitUndefined_WithItsOrigin()
    {
        DefinednessShadow.Poison(At(16), 8, 42);
        Assert.Equal(-1L, DefinednessShadow.Load(At(16), 8, out int origin));
        Assert.Equal(42, origin);
        Assert.Equal(0xFFFFL, DefinednessShadow.Load(At(22), 4, out _) & 0xFFFF);
        Assert.Equal(0, DefinednessShadow.Load(At(24), 4, out _));
    }

    [Fact]
    public void Store_WritesTheValuesShadowByteByByte()
    {
        DefinednessShadow.Poison(At(0), 8, 7);
        DefinednessShadow.Store(At(0), 2, 0, 0);                       // a defined 16-bit store
        Assert.Equal(unchecked((long)0xFFFF_FFFF_FFFF_0000), DefinednessShadow.Load(At(0), 8, out _));
        DefinednessShadow.Store(At(4), 4, 0x0000_FF00, 9);              // only the second byte undefined
        Assert.Equal(0x0000_FF00L, DefinednessShadow.Load(At(4), 4, out int origin));
        Assert.Equal(9, origin);
    }

    [Fact]
    public void Copy_CarriesShadowAndOrigin_AndHandlesOverlap()
    {
        DefinednessShadow.Poison(At(0), 4, 5);
        DefinednessShadow.Copy(At(100), At(0), 8);
        Assert.Equal(0xFFFF_FFFFL, DefinednessShadow.Load(At(100), 8, out int origin));
        Assert.Equal(5, origin);
        DefinednessShadow.Copy(At(2), At(0), 8);                        // overlapping, forwards
        Assert.Equal(0xFFFF_FFFF_FFFFL, DefinednessShadow.Load(At(0), 8, out _));
    }

    [Fact]
    public void LoadsAndRangesCrossAPageBoundary()
    {
        int edge = (int)DefinednessShadow.PageSize - 2;
        DefinednessShadow.Poison(At(edge + 3), 1, 3);
        Assert.Equal(0xFF00_0000L, DefinednessShadow.Load(At(edge), 4, out int origin));
        Assert.Equal(3, origin);
        Assert.Equal(3, DefinednessShadow.FirstUndefined(At(edge), 16, out _));
        DefinednessShadow.Unpoison(At(edge), 8);
        Assert.Equal(-1, DefinednessShadow.FirstUndefined(At(edge), 16, out _));
    }

    [Fact]
    public void FirstUndefined_ReportsTheOffsetAndOrigin()
    {
        DefinednessShadow.Poison(At(40), 10, 11);
        DefinednessShadow.Unpoison(At(40), 3);
        Assert.Equal(13, DefinednessShadow.FirstUndefined(At(30), 64, out int origin));
        Assert.Equal(11, origin);
    }
}
