using Mono.Cecil;

namespace SharpSan.Instrumentation.Il;

/// <summary>What the checking pool does with arrays of an element type, as far as the rewriter can tell.</summary>
public enum PoolShadowing
{
    /// <summary>Reference types and structs holding references: tracked but never shadowed, so checks and claims are pointless.</summary>
    Never,
    /// <summary>Primitives, enums, pointers and structs made only of those: shadowed.</summary>
    Always,
    /// <summary>Depends on generic arguments the rewriter does not know (<c>T</c>, <c>Entry&lt;TKey,TValue&gt;</c>): decided at run time.</summary>
    Depends,
}

/// <summary>
/// Classifies array element types for the pool rules (capacity claims and element checks) so that every element
/// type the CLR allows gets the same rule: generic instances and nested generics (their fields seen through the
/// instantiation), enums, structs with references, arrays of arrays, pointers and generic parameters. One instance
/// per module: answers are memoised by the type's spelling.
/// </summary>
public sealed class PoolElementKinds
{
    readonly Dictionary<string, PoolShadowing> _shadowing = [];

    public PoolShadowing Shadowing(TypeReference element) => Shadowing(element, 0);

    /// <summary>Whether the type can be a generic argument (<c>PoolCapacity.Claim&lt;T&gt;</c>): pointers, byrefs and ref structs cannot.</summary>
    public static bool CanBeTypeArgument(TypeReference element) =>
        element.MetadataType is not (MetadataType.Pointer or MetadataType.FunctionPointer or MetadataType.ByReference
            or MetadataType.TypedByReference or MetadataType.Void)
        && !(element.TryResolve() is { IsValueType: true } d && d.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.IsByRefLikeAttribute"));

    /// <summary>
    /// True when the element type is certainly a value type, so that <c>ldelema</c> on it has no covariance check
    /// (an unconstrained <c>T</c> may be a reference type: its loads need <c>readonly.</c> and its stores stay <c>stelem</c>).
    /// </summary>
    public static bool IsValueType(TypeReference element) => element switch
    {
        GenericParameter p => p.HasNotNullableValueTypeConstraint,
        _ => element.MetadataType switch
        {
            MetadataType.Boolean or MetadataType.Char or MetadataType.SByte or MetadataType.Byte or MetadataType.Int16
                or MetadataType.UInt16 or MetadataType.Int32 or MetadataType.UInt32 or MetadataType.Int64 or MetadataType.UInt64
                or MetadataType.Single or MetadataType.Double or MetadataType.IntPtr or MetadataType.UIntPtr
                or MetadataType.Pointer or MetadataType.FunctionPointer => true,
            MetadataType.String or MetadataType.Object or MetadataType.Array => false,
            _ => element.TryResolve() is { IsValueType: true },
        },
    };

    PoolShadowing Shadowing(TypeReference type, int depth)
    {
        if (depth > 12) return PoolShadowing.Depends;
        switch (type.MetadataType)
        {
            case MetadataType.Boolean or MetadataType.Char or MetadataType.SByte or MetadataType.Byte or MetadataType.Int16
                or MetadataType.UInt16 or MetadataType.Int32 or MetadataType.UInt32 or MetadataType.Int64 or MetadataType.UInt64
                or MetadataType.Single or MetadataType.Double or MetadataType.IntPtr or MetadataType.UIntPtr
                or MetadataType.Pointer or MetadataType.FunctionPointer:
                return PoolShadowing.Always;
            case MetadataType.String or MetadataType.Object or MetadataType.Array or MetadataType.ByReference:
                return PoolShadowing.Never;
            case MetadataType.RequiredModifier or MetadataType.OptionalModifier:
                return Shadowing(((IModifierType)type).ElementType, depth + 1);
        }
        if (type is GenericParameter parameter) return OfParameter(parameter);
        string key = SignatureKey.Type(type);
        if (_shadowing.TryGetValue(key, out var known)) return known;
        var result = OfNamedType(type, depth);
        _shadowing[key] = result;
        return result;
    }

    static PoolShadowing OfParameter(GenericParameter parameter)
    {
        if (parameter.HasReferenceTypeConstraint) return PoolShadowing.Never;
        // `where T : SomeClass` makes T a reference type; interface and struct constraints leave it open.
        foreach (var constraint in parameter.Constraints)
            if (constraint.ConstraintType is { } c && c.MetadataType is not MetadataType.GenericInstance && c.TryResolve() is { IsClass: true, IsValueType: false } d
                && d.FullName != "System.ValueType" && d.FullName != "System.Enum")
                return PoolShadowing.Never;
        return PoolShadowing.Depends;
    }

    PoolShadowing OfNamedType(TypeReference type, int depth)
    {
        // Not resolvable: a value type is checked anyway (a check on an unshadowed array always passes), a class is not.
        if (type.TryResolve() is not { } definition) return type.IsValueType ? PoolShadowing.Depends : PoolShadowing.Never;
        if (!definition.IsValueType) return PoolShadowing.Never;
        if (definition.IsEnum) return PoolShadowing.Always;
        var arguments = (type as GenericInstanceType)?.GenericArguments;
        var result = PoolShadowing.Always;
        foreach (var field in definition.Fields)
        {
            if (field.IsStatic) continue;
            var fieldType = arguments is not null ? CallSiteTypes.Of(field.FieldType, type, null) : field.FieldType;
            // A generic definition's own fields mention its parameters: in an open instantiation they stay unknown.
            var kind = fieldType is null ? PoolShadowing.Depends : Shadowing(fieldType, depth + 1);
            if (kind == PoolShadowing.Never) return PoolShadowing.Never;
            if (kind == PoolShadowing.Depends) result = PoolShadowing.Depends;
        }
        return result;
    }
}
