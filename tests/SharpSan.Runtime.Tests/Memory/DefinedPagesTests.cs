using System.Runtime.InteropServices;
using SharpSan.Runtime.Memory;

namespace SharpSan.Runtime.Tests.Memory;

/// <summary>
/// <see cref="DefinedPages"/> caches "this shadow page is all defined": every way undefined bits get into a proven page
/// (a store of an undefined value, a poison, a copy of undefined bytes) must void the proof, so the range scans that
/// rely on it (<see cref="DefinednessShadow.FirstUndefined"/>, copies, loop tests) answer as a fresh scan would.
/// </summary>
public sealed unsafe class DefinedPagesTests : IDisposable
{
    static readonly nuint Page = DefinednessShadow.PageSize;
    readonly byte* _block = (byte*)NativeMemory.AlignedAlloc(2 * Page, Page);

    public DefinedPagesTests()
    {
        // A page that exists (poisoned once) and is then all defined: the state the cache is for.
        DefinednessShadow.Poison((nuint)_block, 2 * Page, 7);
        DefinednessShadow.Unpoison((nuint)_block, 2 * Page);
    }

    public void Dispose()
    {
        DefinednessShadow.Unpoison((nuint)_block, 2 * Page);
        NativeMemory.AlignedFree(_block);
    }

    nuint At(nuint offset) => (nuint)_block + offset;

    /// <summary>Proves the first page: a small clean range scan tries the whole page once.</summary>
    void Prove()
    {
        Assert.Equal(-1, DefinednessShadow.FirstUndefined(At(100), 50, out _));
        Assert.Equal(-1, DefinednessShadow.FirstUndefined(At(0), Page, out _));
    }

    [Fact]
    public void SmallCleanScansOfADirtiedPage_TryTheWholePageOnlyOnceTheyAddUpToAPage()
    {
        Prove();
        DefinednessShadow.Poison(At(60_000), 8, 13);   // a stack buffer poisoned per call: the proof is void
        DefinednessShadow.Unpoison(At(60_000), 8);     // all defined again, but not proven
        byte* page = DefinednessShadow.PageOf(At(0));
        for (int i = 0; i < 10; i++) Assert.Equal(-1, DefinednessShadow.FirstUndefined(At(100), 64, out _));
        Assert.False(DefinedPages.IsDefined(page));   // 640 bytes scanned: a 64 KiB scan would cost 100 times more
        for (nuint scanned = 640; scanned < Page + 4096; scanned += 4096)
            Assert.Equal(-1, DefinednessShadow.FirstUndefined(At(8192), 4096, out _));
        Assert.True(DefinedPages.IsDefined(page));
    }

    [Fact]
    public void StoreOfAnUndefinedValue_VoidsTheProof()
    {
        Prove();
        DefinednessShadow.Store(At(5000), 2, 0xFF00, 11);   // little-endian: the second byte is the undefined one
        Assert.Equal(1001, DefinednessShadow.FirstUndefined(At(4000), 2000, out int origin));
        Assert.Equal(11, origin);
        Assert.Equal(5001, DefinednessShadow.FirstUndefined(At(0), Page, out _));
    }

    [Fact]
    public void Poison_VoidsTheProof()
    {
        Prove();
        DefinednessShadow.Poison(At(Page - 3), 1, 12);
        Assert.Equal((long)(Page - 3 - 1000), DefinednessShadow.FirstUndefined(At(1000), Page - 1000, out int origin));
        Assert.Equal(12, origin);
    }

    [Fact]
    public void CopyOfUndefinedBytesIntoTheProvenPage_VoidsTheProof()
    {
        Prove();
        DefinednessShadow.Poison(At(Page + 10), 4, 13);
        DefinednessShadow.Copy(At(20000), At(Page + 8), 8);
        Assert.Equal(2, DefinednessShadow.FirstUndefined(At(20000), 8, out int origin));
        Assert.Equal(13, origin);
        // A copy out of the page carries them too (the copy's own "is the source defined" test).
        DefinednessShadow.Copy(At(Page + 100), At(20000), 8);
        Assert.Equal(0xFFFFL, DefinednessShadow.LoadShadow(At(Page + 102), 2));
    }

    [Fact]
    public void UndefinedThenDefinedStore_AProofAgainAfterARescan()
    {
        Prove();
        DefinednessShadow.Store(At(300), 1, 0xFF, 14);
        DefinednessShadow.Store(At(300), 1, 0, 0);
        Assert.Equal(-1, DefinednessShadow.FirstUndefined(At(0), Page, out _));
        Assert.Equal(-1, DefinednessShadow.FirstUndefined(At(250), 100, out _));
    }

    [Fact]
    public void PartlyUndefinedPage_RangesOfTheDefinedPartStayDefined_AndTheRestIsFound()
    {
        DefinednessShadow.Poison(At(Page / 2), Page / 2, 15);
        for (int round = 0; round < 3; round++)
        {
            Assert.Equal(-1, DefinednessShadow.FirstUndefined(At(1000), 4000, out _));
            Assert.Equal(10L, DefinednessShadow.FirstUndefined(At(Page / 2 - 10), 100, out int origin));
            Assert.Equal(15, origin);
        }
    }

    [Fact]
    public void UnpoisonOfAProvenPage_LeavesItDefined()
    {
        Prove();
        DefinednessShadow.Unpoison(At(10), 100);
        Assert.Equal(-1, DefinednessShadow.FirstUndefined(At(0), Page, out _));
        DefinednessShadow.Poison(At(10), 1, 16);
        DefinednessShadow.Unpoison(At(0), Page);
        Assert.Equal(-1, DefinednessShadow.FirstUndefined(At(0), Page, out _));
    }
}
