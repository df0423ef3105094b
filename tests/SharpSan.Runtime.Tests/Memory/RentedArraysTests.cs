using SharpSan.Runtime.Memory;

namespace SharpSan.Runtime.Tests.Memory;

/// <summary>The side-table shadow of rented arrays: poisoned on rent, element stores define, escape forgets, other arrays are defined.</summary>
public sealed class RentedArraysTests
{
    [Fact]
    public void UntrackedArrays_AreDefined()
    {
        var plain = new int[4];
        Assert.Equal(0, RentedArrays.Load(plain, 1, 4, out _));
        Assert.Equal(-1, RentedArrays.FirstUndefined(plain, 0, 16, out _));
    }

    [Fact]
    public void UndefinedStoreIntoPlainArray_TracksOnlyThatElement()
    {
        var plain = new short[4];
        RentedArrays.Store(plain, 1, 2, 0, 0);   // a defined store into an untracked array starts nothing
        Assert.Equal(-1, RentedArrays.FirstUndefined(plain, 0, 8, out _));
        RentedArrays.Store(plain, 2, 2, 0x00FF, 33);
        Assert.Equal(0x00FFL, RentedArrays.Load(plain, 2, 2, out int origin));
        Assert.Equal(33, origin);
        Assert.Equal(0, RentedArrays.Load(plain, 1, 2, out _));
        Assert.Equal(0, RentedArrays.Load(plain, 3, 2, out _));
        Assert.Equal(4, RentedArrays.FirstUndefined(plain, 0, 8, out _));
        RentedArrays.Store(plain, 2, 2, 0, 0);
        Assert.Equal(-1, RentedArrays.FirstUndefined(plain, 0, 8, out _));
    }

    [Fact]
    public void PoisonedArray_StoresDefineElements_AndRangesFindTheRest()
    {
        var rented = new int[4];
        RentedArrays.Poison(rented, 4, 21);
        Assert.Equal(0xFFFF_FFFFL, RentedArrays.Load(rented, 2, 4, out int origin));
        Assert.Equal(21, origin);
        RentedArrays.Store(rented, 0, 4, 0, 0);
        RentedArrays.Store(rented, 1, 4, 0, 0);
        Assert.Equal(0, RentedArrays.Load(rented, 1, 4, out _));
        Assert.Equal(8, RentedArrays.FirstUndefined(rented, 0, 16, out origin));
        Assert.Equal(21, origin);
        RentedArrays.Define(rented, 8, 8);
        Assert.Equal(-1, RentedArrays.FirstUndefined(rented, 0, 16, out _));
    }

    [Fact]
    public void EscapedArray_IsDefinedFromThenOn()
    {
        var rented = new byte[8];
        RentedArrays.Poison(rented, 1, 3);
        RentedArrays.Escape(rented);
        Assert.Equal(0, RentedArrays.Load(rented, 5, 1, out _));
    }

    [Fact]
    public void LoadShadowAndOriginOf_MatchLoad()
    {
        var rented = new long[4];
        RentedArrays.Poison(rented, 8, 17);
        RentedArrays.Store(rented, 1, 8, 0, 0);
        Assert.Equal(0, RentedArrays.LoadShadow(rented, 1, 8));
        Assert.Equal(0, RentedArrays.OriginOf(rented, 0));
        long shadow = RentedArrays.LoadShadow(rented, 2, 8);
        Assert.Equal(-1L, shadow);
        Assert.Equal(17, RentedArrays.OriginOf(rented, shadow));
        Assert.Equal(0, RentedArrays.LoadShadow(new long[4], 2, 8));
    }

    [Fact]
    public void RecentLookup_DoesNotOutliveARepoisonOrAnEscape()
    {
        var buffer = new int[4];
        RentedArrays.Poison(buffer, 4, 5);
        RentedArrays.Store(buffer, 0, 4, 0, 0);
        Assert.Equal(0, RentedArrays.LoadShadow(buffer, 0, 4));   // the lookup is now the recent one
        RentedArrays.Poison(buffer, 4, 6);                       // rented again: undefined again, new origin
        long shadow = RentedArrays.LoadShadow(buffer, 0, 4);
        Assert.Equal(0xFFFF_FFFFL, shadow);
        Assert.Equal(6, RentedArrays.OriginOf(buffer, shadow));
        RentedArrays.Escape(buffer);
        Assert.Equal(0, RentedArrays.LoadShadow(buffer, 0, 4));
        RentedArrays.Store(buffer, 3, 4, 0xFF, 9);               // tracked again from an undefined store, others defined
        Assert.Equal(0, RentedArrays.LoadShadow(buffer, 0, 4));
        Assert.Equal(0xFFL, RentedArrays.LoadShadow(buffer, 3, 4));
    }

    [Fact]
    public void PoisonRange_OfAnUntrackedArray_LeavesTheRestDefined()
    {
        var pooled = new short[8];
        RentedArrays.PoisonRange(pooled, 2, 4, 4, 8);
        Assert.Equal(0, RentedArrays.Load(pooled, 1, 2, out _));
        Assert.Equal(0xFFFFL, RentedArrays.Load(pooled, 2, 2, out _));
        Assert.Equal(0, RentedArrays.Load(pooled, 4, 2, out _));
    }
}
