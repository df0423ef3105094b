using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Mono.Cecil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.EndToEnd;

/// <summary>
/// The rewriter computes struct sizes and field offsets from metadata (to bound fixed buffers, inline arrays and
/// struct globals); here they are compared with what the CLR actually lays out for the same types.
/// </summary>
public sealed unsafe class TypeLayoutTests
{
    struct Padded { public byte B; public long L; public short S; }

    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    struct Packed { public byte B; public int I; }

    [StructLayout(LayoutKind.Explicit, Size = 12)]
    struct Explicit { [FieldOffset(4)] public int X; [FieldOffset(0)] public byte Y; }

    struct WithFixed { public int Length; public fixed char Name[5]; public double D; }

    [InlineArray(3)]
    struct Three { public short Element; }

    enum Small : byte { A }

    struct Nested { public Small Kind; public Three Items; public Padded Inner; public int* Pointer; public bool Flag; }

#pragma warning disable CS0649 // Only their metadata is read.
    struct WithReference { public int X; public string S; }

    struct Generic<T> { public T Value; }

    struct WithGeneric { public Generic<int> G; }
#pragma warning restore CS0649

    static readonly ModuleDefinition s_module = ModuleDefinition.ReadModule(typeof(TypeLayoutTests).Assembly.Location);

    static TypeDefinition Cecil<T>() => s_module.GetType(typeof(T).FullName!.Replace('+', '/'));

    public static TheoryData<Type> Unmanaged => [typeof(Padded), typeof(Packed), typeof(Explicit), typeof(WithFixed), typeof(Three), typeof(Nested)];

    [Theory]
    [MemberData(nameof(Unmanaged))]
    public void Size_IsTheClrs(Type type)
    {
        var definition = s_module.GetType(type.FullName!.Replace('+', '/'));
        int clr = (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;

        Assert.Equal(clr, TypeLayout.Of(definition)?.Size);
    }

    [Fact]
    public void FieldOffsets_AreTheClrs()
    {
        Padded p = default;
        Nested n = default;
        WithFixed f = default;
        Assert.Equal((int)Unsafe.ByteOffset(ref p.B, ref Unsafe.As<long, byte>(ref p.L)), Offset<Padded>("L"));
        Assert.Equal((int)Unsafe.ByteOffset(ref p.B, ref Unsafe.As<short, byte>(ref p.S)), Offset<Padded>("S"));
        Assert.Equal((int)((byte*)&f.D - (byte*)&f), Offset<WithFixed>("D"));
        Assert.Equal((int)((byte*)&n.Inner - (byte*)&n), Offset<Nested>("Inner"));
        Assert.Equal((int)((byte*)&n.Pointer - (byte*)&n), Offset<Nested>("Pointer"));
        Assert.Equal((int)((byte*)&n.Flag - (byte*)&n), Offset<Nested>("Flag"));
        Assert.Equal(4, Offset<Explicit>("X"));
    }

    static int? Offset<T>(string field) => TypeLayout.OffsetOf(Cecil<T>().Fields.Single(f => f.Name == field));

    [Fact]
    public void TypesTheRuntimeMayLayOutItsOwnWay_HaveNoLayout()
    {
        Assert.Null(TypeLayout.Of(Cecil<WithReference>()));
        Assert.Null(TypeLayout.Of(Cecil<WithGeneric>()));
    }

    [Fact]
    public void InlineArrayAndFixedBufferMetadata_AreRead()
    {
        Assert.Equal(3, TypeLayout.InlineArrayLength(Cecil<Three>()));
        Assert.Equal("Element", TypeLayout.InlineArrayElement(Cecil<Three>())?.Name);
        var name = Cecil<WithFixed>().Fields.Single(f => f.Name == "Name");
        Assert.Equal(5, TypeLayout.FixedBuffer(name)?.Length);
        Assert.Equal("System.Char", TypeLayout.FixedBuffer(name)?.Element.FullName);
    }
}
