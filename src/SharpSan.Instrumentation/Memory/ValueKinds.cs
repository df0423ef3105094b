using Mono.Cecil;

namespace SharpSan.Instrumentation.Memory;

/// <summary>What an evaluation-stack slot holds, as far as shadow propagation cares (ECMA-335's stack types, coarsely).</summary>
public enum ValueKind { Unknown, Int32, Int64, NativeInt, Float, Object, ByRef, Struct }

/// <summary>Stack kinds and byte sizes of types, for the shadow pass.</summary>
public static class ValueKinds
{
    /// <summary>Kinds whose definedness the shadow tracks (scalars that can be branched on or used as an address).</summary>
    public static bool IsScalar(ValueKind kind) => kind is ValueKind.Int32 or ValueKind.Int64 or ValueKind.NativeInt or ValueKind.Float;

    public static ValueKind Of(TypeReference type)
    {
        type = Strip(type);
        switch (type)
        {
            case ByReferenceType: return ValueKind.ByRef;
            case PointerType or FunctionPointerType: return ValueKind.NativeInt;
            case GenericParameter: return ValueKind.Unknown;
            case ArrayType: return ValueKind.Object;
        }
        switch (type.MetadataType)
        {
            case MetadataType.Boolean or MetadataType.Char or MetadataType.SByte or MetadataType.Byte or MetadataType.Int16
                or MetadataType.UInt16 or MetadataType.Int32 or MetadataType.UInt32:
                return ValueKind.Int32;
            case MetadataType.Int64 or MetadataType.UInt64: return ValueKind.Int64;
            case MetadataType.IntPtr or MetadataType.UIntPtr: return ValueKind.NativeInt;
            case MetadataType.Single or MetadataType.Double: return ValueKind.Float;
            case MetadataType.String or MetadataType.Object or MetadataType.Class or MetadataType.Array: return ValueKind.Object;
            case MetadataType.Void: return ValueKind.Unknown;
        }
        if (EnumUnderlying(type) is { } underlying) return Of(underlying);
        if (type.IsValueType || type is GenericInstanceType { ElementType.IsValueType: true }) return ValueKind.Struct;
        try
        {
            return type.Resolve() is { IsValueType: true } ? ValueKind.Struct : ValueKind.Object;
        }
        catch (AssemblyResolutionException)
        {
            return ValueKind.Unknown;
        }
    }

    /// <summary>Bytes of a primitive, enum or pointer type; null for anything else (structs, references, generics).</summary>
    public static int? SizeOf(TypeReference type)
    {
        type = Strip(type);
        if (type is PointerType or FunctionPointerType) return 8;
        switch (type.MetadataType)
        {
            case MetadataType.Boolean or MetadataType.SByte or MetadataType.Byte: return 1;
            case MetadataType.Char or MetadataType.Int16 or MetadataType.UInt16: return 2;
            case MetadataType.Int32 or MetadataType.UInt32 or MetadataType.Single: return 4;
            case MetadataType.Int64 or MetadataType.UInt64 or MetadataType.Double or MetadataType.IntPtr or MetadataType.UIntPtr: return 8;
        }
        return EnumUnderlying(type) is { } underlying ? SizeOf(underlying) : null;
    }

    /// <summary>True for a sign-extending narrow type (sbyte, short): its loaded shadow sign-extends too.</summary>
    public static bool IsSignedNarrow(TypeReference type)
    {
        type = Strip(type);
        if (EnumUnderlying(type) is { } underlying) type = underlying;
        return type.MetadataType is MetadataType.SByte or MetadataType.Int16;
    }

    static TypeReference? EnumUnderlying(TypeReference type)
    {
        if (type is GenericParameter or GenericInstanceType || !type.IsValueType && type.MetadataType != MetadataType.ValueType) return null;
        try
        {
            return type.Resolve() is { IsEnum: true } definition ? definition.Fields.First(f => !f.IsStatic).FieldType : null;
        }
        catch (AssemblyResolutionException)
        {
            return null;
        }
    }

    public static TypeReference Strip(TypeReference type)
    {
        while (true)
        {
            switch (type)
            {
                case RequiredModifierType r: type = r.ElementType; continue;
                case OptionalModifierType o: type = o.ElementType; continue;
                case PinnedType p: type = p.ElementType; continue;
                default: return type;
            }
        }
    }
}
