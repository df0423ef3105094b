#pragma warning disable CS0649, CS0169 // the types below are only shapes: their fields are never written
using SharpSan.Runtime.Address.Leaks;

namespace SharpSan.Runtime.Tests.Leaks;

/// <summary>Which values can lead to a native pointer: what the walk prunes and how it reads the rest.</summary>
public sealed unsafe class RootTypesTests
{
    unsafe struct WithPointer { public int A; public void* P; }
    struct WithReference { public string S; public nint P; }
    struct Plain { public int A; public long B; }
    sealed class Cyclic { public Cyclic? Next; public int Value; }
    sealed class CyclicWithPointer { public CyclicWithPointer? Next; public Other? Other; }
    sealed class Other { public CyclicWithPointer? Back; public nint Block; }
    record OpenRecord(int Id);
    enum Color { Red }

    [Theory]
    [InlineData(typeof(int), nameof(RootShape.Nothing))]
    [InlineData(typeof(string), nameof(RootShape.Nothing))]
    [InlineData(typeof(Color), nameof(RootShape.Nothing))]
    [InlineData(typeof(Plain), nameof(RootShape.Nothing))]
    [InlineData(typeof(Plain[]), nameof(RootShape.Nothing))]
    [InlineData(typeof(nint), nameof(RootShape.Word))]
    [InlineData(typeof(nuint), nameof(RootShape.Word))]
    [InlineData(typeof(int*), nameof(RootShape.Word))]
    [InlineData(typeof(WithPointer), nameof(RootShape.RawStruct))]
    [InlineData(typeof(WithReference), nameof(RootShape.MixedStruct))]
    [InlineData(typeof(WithPointer[]), nameof(RootShape.Reference))]
    [InlineData(typeof(object), nameof(RootShape.Reference))]
    [InlineData(typeof(OpenRecord), nameof(RootShape.Reference))]   // unsealed: a subclass may hold a pointer
    [InlineData(typeof(Cyclic), nameof(RootShape.Nothing))]
    [InlineData(typeof(CyclicWithPointer), nameof(RootShape.Reference))]
    [InlineData(typeof(Other), nameof(RootShape.Reference))]
    public void Shape(Type type, string expected) => Assert.Equal(Enum.Parse<RootShape>(expected), RootTypes.Shape(type));

    [Fact]
    public void FunctionPointers_AreWords() =>
        Assert.Equal(RootShape.Word, RootTypes.Shape(typeof(delegate*<int, int>[]).GetElementType()!));

    [Fact]
    public void AnUnsealedRecord_IsJudgedByItsOwnFields_WhenItIsTheObjectsType() =>
        Assert.False(RootTypes.ObjectLeadsToPointer(typeof(OpenRecord)));
}
