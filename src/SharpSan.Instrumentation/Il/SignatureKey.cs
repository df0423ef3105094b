using Mono.Cecil;

namespace SharpSan.Instrumentation.Il;

/// <summary>
/// A version-independent spelling of a method signature, used to match call sites against interceptors:
/// <c>System.Runtime.InteropServices.NativeMemory::Alloc(System.UIntPtr)</c>. Generic parameters are
/// spelled by position (<c>!!0</c>, <c>!0</c>) so names and scopes never matter.
/// </summary>
public static class SignatureKey
{
    public static string Of(string declaringType, string name, IEnumerable<TypeReference> parameters) =>
        $"{declaringType}::{name}({string.Join(",", parameters.Select(Type))})";

    public static string Of(MethodReference method) =>
        Of(method.DeclaringType.GetElementType().FullName, method.Name, method.Parameters.Select(p => p.ParameterType));

    public static string Type(TypeReference type) => type switch
    {
        GenericParameter gp => (gp.Type == GenericParameterType.Method ? "!!" : "!") + gp.Position,
        ByReferenceType r => Type(r.ElementType) + "&",
        PointerType p => Type(p.ElementType) + "*",
        ArrayType a => Type(a.ElementType) + "[" + new string(',', a.Rank - 1) + "]",
        RequiredModifierType m => Type(m.ElementType),
        OptionalModifierType m => Type(m.ElementType),
        PinnedType p => Type(p.ElementType),
        GenericInstanceType g => g.ElementType.FullName + "<" + string.Join(",", g.GenericArguments.Select(Type)) + ">",
        _ => type.FullName,
    };
}
