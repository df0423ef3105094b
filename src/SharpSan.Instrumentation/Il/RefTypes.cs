using Mono.Cecil;

namespace SharpSan.Instrumentation.Il;

/// <summary>
/// C# 11 <c>ref</c> fields and byref-like (<c>ref struct</c>) types, as the passes must see them (ECMA-335 and the
/// byref-like rules of .NET 7+):
/// <list type="bullet">
/// <item>a <c>ref</c> field's type is a managed pointer (<c>T&amp;</c>): <c>ldfld</c> of it pushes the pointer, its slot
/// has no address that IL may take (<c>ldflda</c> of it is invalid) and <c>sizeof T&amp;</c> is invalid;</item>
/// <item>a byref-like type is never boxed, never a type argument unless the parameter says <c>allows ref struct</c>, never
/// a field of a class or an array element: an instance lives on the stack (or in another ref struct).</item>
/// </list>
/// </summary>
public static class RefTypes
{
    /// <summary>GenericParameterAttributes.AllowByRefLike (.NET 9's <c>allows ref struct</c>), absent from Cecil 0.11.</summary>
    const GenericParameterAttributes AllowByRefLike = (GenericParameterAttributes)0x0020;

    static readonly HashSet<string> s_knownByRefLike =
    [
        "System.Span`1", "System.ReadOnlySpan`1", "System.TypedReference", "System.ArgIterator", "System.RuntimeArgumentHandle",
    ];

    /// <summary>A managed pointer type (<c>T&amp;</c>), also behind custom modifiers (<c>ref readonly</c> returns carry modreq(In)).</summary>
    public static bool IsByReference(TypeReference type) => Unmodified(type) is ByReferenceType;

    /// <summary>A C# 11 <c>ref</c> (or <c>ref readonly</c>) field.</summary>
    public static bool IsRefField(FieldReference field) => IsByReference(field.FieldType);

    /// <summary>
    /// A byref-like type (a <c>ref struct</c>: [IsByRefLike]), or a generic parameter that may stand for one
    /// (<c>allows ref struct</c>). Unresolvable types are taken as not byref-like unless the name is a known one.
    /// </summary>
    public static bool MayBeByRefLike(TypeReference type)
    {
        type = Unmodified(type);
        if (type is GenericParameter parameter) return (parameter.Attributes & AllowByRefLike) != 0;
        if (type is ByReferenceType or PointerType or ArrayType || !type.IsValueType) return false;
        var element = type.GetElementType();
        if (s_knownByRefLike.Contains(element.FullName)) return true;
        return element.TryResolve() is { IsValueType: true } definition
            && definition.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.IsByRefLikeAttribute");
    }

    /// <summary>Whether a generic argument of the method or of its declaring type may be byref-like.</summary>
    public static bool HasByRefLikeArgument(MethodReference method)
    {
        if (method is GenericInstanceMethod instance && instance.GenericArguments.Any(MayBeByRefLike)) return true;
        return method.DeclaringType is GenericInstanceType declaring && declaring.GenericArguments.Any(MayBeByRefLike);
    }

    static TypeReference Unmodified(TypeReference type)
    {
        while (type is IModifierType modified) type = modified.ElementType;
        return type;
    }
}
