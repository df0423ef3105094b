using System.Runtime.InteropServices;
using SharpSan.Runtime.Memory;

namespace SharpSan.Runtime.Tests.Memory;

/// <summary>
/// A shadow page keeps one origin while it has one and a per-granule table from the second on: every undefined byte
/// still reports the origin it was poisoned or stored with.
/// </summary>
public sealed unsafe class ShadowPageOriginsTests : IDisposable
{
    static readonly nuint Page = DefinednessShadow.PageSize;
    readonly byte* _block = (byte*)NativeMemory.AlignedAlloc(2 * Page, Page);

    public void Dispose()
    {
        DefinednessShadow.Unpoison((nuint)_block, 2 * Page);
        NativeMemory.AlignedFree(_block);
    }

    nuint At(nuint offset) => (nuint)_block + offset;

    static int OriginAt(nuint address)
    {
        Assert.NotEqual(0, DefinednessShadow.Load(address, 1, out int origin));
        return origin;
    }

    [Fact]
    public void OneOriginPerPage_ThenASecond_KeepsBoth()
    {
        DefinednessShadow.Poison(At(0), Page, 31);                      // the whole page: one origin, no table
        Assert.Equal(31, OriginAt(At(100)));
        DefinednessShadow.Poison(At(4096), 8, 32);                      // a second origin: the table keeps both
        Assert.Equal(32, OriginAt(At(4100)));
        Assert.Equal(31, OriginAt(At(4104)));
        Assert.Equal(31, OriginAt(At(4092)));
        DefinednessShadow.Store(At(9), 1, 0xFF, 33);                    // an undefined store: its own origin, granule 8..11
        Assert.Equal(33, OriginAt(At(9)));
        Assert.Equal(31, OriginAt(At(12)));
    }

    [Fact]
    public void WholePagePoisonAfterMixedOrigins_GivesEveryGranuleTheNewOne()
    {
        DefinednessShadow.Poison(At(Page + 10), 20, 41);
        DefinednessShadow.Poison(At(Page + 200), 20, 42);
        DefinednessShadow.Poison(At(Page), Page, 43);
        Assert.Equal(43, OriginAt(At(Page + 12)));
        Assert.Equal(43, OriginAt(At(Page + 204)));
        Assert.Equal(43, OriginAt(At(2 * Page - 1)));
    }

    [Fact]
    public void MoreOriginsThanThePaletteHolds_WidenTheTable_AndKeepEveryOrigin()
    {
        // 300 distinct origins in one page: past the compact table's 255-entry palette, so the page is widened.
        for (int k = 0; k < 300; k++) DefinednessShadow.Poison(At(Page + (nuint)k * 8), 8, 1000 + k);
        for (int k = 0; k < 300; k++) Assert.Equal(1000 + k, OriginAt(At(Page + (nuint)k * 8 + 4)));
        DefinednessShadow.Poison(At(Page + 16), 4, 7);                  // and still written after the widening
        Assert.Equal(7, OriginAt(At(Page + 16)));
        Assert.Equal(1002, OriginAt(At(Page + 20)));
    }

    [Fact]
    public void CopiedBytes_KeepTheirSourceOrigin_InAPageOfAnother()
    {
        DefinednessShadow.Poison(At(0), 16, 51);
        DefinednessShadow.Poison(At(Page), 64, 52);
        DefinednessShadow.Copy(At(Page + 32), At(0), 8);
        Assert.Equal(51, OriginAt(At(Page + 36)));
        Assert.Equal(52, OriginAt(At(Page + 44)));
    }
}
