#pragma warning disable CS0649 // some fields below exist only to give the types their layout
using SharpSan.Runtime.Address.Leaks;

namespace SharpSan.Runtime.Tests.Leaks;

/// <summary>
/// The root walk reads every shape of value the CLR allows without reflection's boxing paths (which throw
/// NotSupportedException for arrays of pointers and function pointers), and never throws itself.
/// </summary>
public sealed unsafe class RootWalkTests
{
    unsafe struct Slot { public int Id; public byte* Data; public long Tag; }
    unsafe struct Mixed { public string? Name; public void* Block; public object? Next; }
    sealed class Holder { public nint Block; public int Id; }
    sealed class Node { public Node? Next; public nint Block; }
    record Plain(int Id, string Name);

    static HashSet<nuint> Walk(params object?[] roots)
    {
        var seen = new HashSet<nuint>();
        var walk = new RootWalk(p => seen.Add(p));
        foreach (var root in roots) walk.Root(root, "test");
        walk.Drain();
        Assert.Equal(0, walk.Unreadable.Count);
        return seen;
    }

    static int Twice(int x) => 2 * x;

    [Fact]
    public void FunctionPointerArray_YieldsItsEntries()
    {
        delegate*<int, int>[] table = [&Twice, (delegate*<int, int>)0x7000_1000];
        Assert.Contains((nuint)0x7000_1000, Walk((object)table));
        Assert.Contains((nuint)(delegate*<int, int>)&Twice, Walk((object)table));
    }

    [Fact]
    public void PointerAndNativeIntArrays_YieldTheirElements()
    {
        var seen = Walk(new int*[] { (int*)0x1000 }, new void*[] { (void*)0x2000 }, new nint[] { 0x3000 }, new nuint[] { 0x4000 });
        Assert.Superset(new HashSet<nuint> { 0x1000, 0x2000, 0x3000, 0x4000 }, seen);
    }

    [Fact]
    public void StructArrays_AreReadAsWords_AndTheirReferencesFollowed()
    {
        var slots = new Slot[3];
        slots[2].Data = (byte*)0x5000;
        var mixed = new Mixed[2];
        mixed[1].Block = (void*)0x6000;
        mixed[1].Next = new Holder { Block = 0x7000 };
        var seen = Walk(slots, mixed);
        Assert.Superset(new HashSet<nuint> { 0x5000, 0x6000, 0x7000 }, seen);
    }

    [Fact]
    public void MultiDimensionalArrays_AndBoxedStructs()
    {
        var grid = new nint[2, 2];
        grid[1, 1] = 0x8000;
        var objects = new object?[2, 1];
        objects[1, 0] = new Holder { Block = 0x9000 };
        object boxed = new Slot { Data = (byte*)0xA000 };
        var seen = Walk(grid, objects, boxed);
        Assert.Superset(new HashSet<nuint> { 0x8000, 0x9000, 0xA000 }, seen);
    }

    [Fact]
    public void ObjectGraphs_WithCycles_AreFollowedToTheEnd()
    {
        var first = new Node { Block = 0xB000 };
        var last = new Node { Block = 0xC000 };
        first.Next = new Node { Next = last };
        last.Next = first;
        var seen = Walk(new object[] { new Plain(1, "x"), first });
        Assert.Superset(new HashSet<nuint> { 0xB000, 0xC000 }, seen);
    }

    [Fact]
    public void AMillionHolders_AreAllRead()
    {
        // The old walk stopped silently at a million visited objects and missed the rest of the roots.
        var holders = new Holder[1_000_001];
        for (int i = 0; i < holders.Length; i++) holders[i] = new Holder { Block = 0x10 };
        holders[^1].Block = 0xD000;
        Assert.Contains((nuint)0xD000, Walk((object)holders));
    }
}
