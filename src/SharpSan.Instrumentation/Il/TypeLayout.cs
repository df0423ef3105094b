using Mono.Cecil;

namespace SharpSan.Instrumentation.Il;

/// <summary>
/// Size, alignment and field offsets of unmanaged value types as the CLR lays them out on x64, computed from
/// metadata alone: primitives, pointers, enums, C# fixed buffers, [InlineArray] structs, and sequential or explicit
/// structs built from those. Anything whose layout the runtime may choose (reference fields, auto layout, generic
/// instances, types with special alignment such as Int128 or vectors) has no layout here (null), and callers skip it.
/// </summary>
public static class TypeLayout
{
    public readonly record struct Shape(int Size, int Alignment);

    const string InlineArrayAttribute = "System.Runtime.CompilerServices.InlineArrayAttribute";
    const string FixedBufferAttribute = "System.Runtime.CompilerServices.FixedBufferAttribute";
    const int DefaultPacking = 8;

    static readonly HashSet<string> s_specialAlignment =
    [
        "System.Int128", "System.UInt128", "System.Numerics.Vector`1", "System.Runtime.Intrinsics.Vector64`1",
        "System.Runtime.Intrinsics.Vector128`1", "System.Runtime.Intrinsics.Vector256`1", "System.Runtime.Intrinsics.Vector512`1",
    ];

    public static Shape? Of(TypeReference type) => Of(type, depth: 0);

    /// <summary>Byte offset of <paramref name="field"/> inside its declaring value type, or null.</summary>
    public static int? OffsetOf(FieldReference field)
    {
        if (Resolve(field.DeclaringType) is not { IsValueType: true } owner || owner.HasGenericParameters) return null;
        foreach (var (f, offset, _) in Fields(owner, 0) ?? [])
            if (f.Name == field.Name) return offset;
        return null;
    }

    /// <summary>The length of an [InlineArray(n)] struct, or null for any other type.</summary>
    public static int? InlineArrayLength(TypeReference type)
    {
        if (type is GenericInstanceType || Resolve(type) is not { IsValueType: true } definition) return null;
        var attribute = definition.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == InlineArrayAttribute);
        return attribute is { ConstructorArguments.Count: 1 } && attribute.ConstructorArguments[0].Value is int n && n > 0 ? n : null;
    }

    /// <summary>The single instance field of an [InlineArray] struct (its element), or null.</summary>
    public static FieldDefinition? InlineArrayElement(TypeReference type) =>
        InlineArrayLength(type) is null ? null : Resolve(type)!.Fields.SingleOrDefault(f => !f.IsStatic);

    /// <summary>(element type, length) of a C# fixed buffer field, from its [FixedBuffer] attribute; null otherwise.</summary>
    public static (TypeReference Element, int Length)? FixedBuffer(FieldDefinition field)
    {
        var attribute = field.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == FixedBufferAttribute);
        if (attribute is not { ConstructorArguments.Count: 2 }) return null;
        return attribute.ConstructorArguments[0].Value is TypeReference element && attribute.ConstructorArguments[1].Value is int length && length > 0
            ? (element, length) : null;
    }

    static Shape? Of(TypeReference type, int depth)
    {
        if (depth > 16) return null;
        switch (type.MetadataType)
        {
            case MetadataType.Boolean or MetadataType.Byte or MetadataType.SByte: return new Shape(1, 1);
            case MetadataType.Char or MetadataType.Int16 or MetadataType.UInt16: return new Shape(2, 2);
            case MetadataType.Int32 or MetadataType.UInt32 or MetadataType.Single: return new Shape(4, 4);
            case MetadataType.Int64 or MetadataType.UInt64 or MetadataType.Double or MetadataType.IntPtr or MetadataType.UIntPtr
                or MetadataType.Pointer or MetadataType.FunctionPointer: return new Shape(8, 8);
            case MetadataType.ValueType: break;
            default: return null;   // references, generic parameters, typed references, modifiers
        }
        if (type is GenericInstanceType || s_specialAlignment.Contains(type.FullName)) return null;
        if (Resolve(type) is not { IsValueType: true } definition || definition.HasGenericParameters) return null;
        if (definition.IsEnum) return definition.Fields.FirstOrDefault(f => !f.IsStatic) is { } value ? Of(value.FieldType, depth + 1) : null;
        if (InlineArrayLength(definition) is int length)
            return InlineArrayElement(definition) is { } element && Of(element.FieldType, depth + 1) is { } e ? new Shape(e.Size * length, e.Alignment) : null;
        var fields = Fields(definition, depth);
        if (fields is null) return null;
        int packing = definition.PackingSize > 0 ? definition.PackingSize : DefaultPacking;
        int alignment = 1, end = 0;
        foreach (var (_, offset, shape) in fields)
        {
            alignment = Math.Max(alignment, Math.Min(shape.Alignment, packing));
            end = Math.Max(end, offset + shape.Size);
        }
        int size = Math.Max(AlignUp(Math.Max(end, 1), alignment), definition.ClassSize > 0 ? definition.ClassSize : 0);
        return new Shape(size, alignment);
    }

    /// <summary>The instance fields with their offsets and shapes, or null when any of them has no known layout.</summary>
    static List<(FieldDefinition Field, int Offset, Shape Shape)>? Fields(TypeDefinition type, int depth)
    {
        if (type.IsAutoLayout && !IsCompilerStruct(type)) return null;
        int packing = type.PackingSize > 0 ? type.PackingSize : DefaultPacking;
        var result = new List<(FieldDefinition, int, Shape)>();
        int offset = 0;
        foreach (var field in type.Fields.Where(f => !f.IsStatic))
        {
            if (Of(field.FieldType, depth + 1) is not { } shape) return null;
            int at = type.IsExplicitLayout ? field.Offset : AlignUp(offset, Math.Min(shape.Alignment, packing));
            if (at < 0) return null;
            result.Add((field, at, shape));
            offset = at + shape.Size;
        }
        return result;
    }

    // Roslyn marks a few of its own structs auto; their single-field layout is unambiguous.
    static bool IsCompilerStruct(TypeDefinition type) => type.Fields.Count(f => !f.IsStatic) <= 1;

    static int AlignUp(int value, int alignment) => (value + alignment - 1) / alignment * alignment;

    static TypeDefinition? Resolve(TypeReference type)
    {
        try { return type.Resolve(); }
        catch (AssemblyResolutionException) { return null; }
    }
}
