using Mono.Cecil;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// The generic arguments a method body is read under: its declaring type's (!0, !1, …) and its own (!!0, …). A callee
/// reached from a call site is analysed with the arguments the call names, substituted through the caller's context,
/// so `constrained. !3 callvirt IPolicy::OnHit` in ConcurrentLfuCore&lt;…, AccessOrderPolicy, …&gt; resolves to the
/// policy the caller instantiated. An argument that is still a generic parameter stays one (the code is shared).
/// </summary>
public sealed class GenericContext
{
    public static readonly GenericContext Open = new([], []);

    readonly TypeReference[] _typeArguments;
    readonly TypeReference[] _methodArguments;

    GenericContext(TypeReference[] typeArguments, TypeReference[] methodArguments)
    {
        _typeArguments = typeArguments;
        _methodArguments = methodArguments;
        Key = string.Join(",", typeArguments.Select(a => a.FullName)) + ";" + string.Join(",", methodArguments.Select(a => a.FullName));
    }

    /// <summary>Identifies the instantiation (for memoising per instantiation).</summary>
    public string Key { get; }

    /// <summary>The context a call's target runs in: the arguments its reference names, seen through this context.</summary>
    public GenericContext For(MethodReference callee) => new(
        callee.DeclaringType is GenericInstanceType type ? type.GenericArguments.Select(Substitute).ToArray() : [],
        callee is GenericInstanceMethod method ? method.GenericArguments.Select(Substitute).ToArray() : []);

    /// <summary>
    /// The context of the method that implements <paramref name="callee"/> on <paramref name="type"/> (already
    /// substituted): the type's arguments, and the method arguments the call names.
    /// </summary>
    public GenericContext ForImplementation(TypeReference type, MethodReference callee) => new(
        type is GenericInstanceType instance ? instance.GenericArguments.ToArray() : [],
        callee is GenericInstanceMethod method ? method.GenericArguments.Select(Substitute).ToArray() : []);

    public TypeReference Substitute(TypeReference type) => type switch
    {
        GenericParameter { Type: GenericParameterType.Type } p when p.Position < _typeArguments.Length => _typeArguments[p.Position],
        GenericParameter { Type: GenericParameterType.Method } p when p.Position < _methodArguments.Length => _methodArguments[p.Position],
        GenericInstanceType g => Instance(g),
        ArrayType a => new ArrayType(Substitute(a.ElementType), a.Rank),
        ByReferenceType r => new ByReferenceType(Substitute(r.ElementType)),
        PointerType p => new PointerType(Substitute(p.ElementType)),
        RequiredModifierType m => Substitute(m.ElementType),
        OptionalModifierType m => Substitute(m.ElementType),
        _ => type,
    };

    GenericInstanceType Instance(GenericInstanceType g)
    {
        var result = new GenericInstanceType(g.ElementType);
        foreach (var a in g.GenericArguments) result.GenericArguments.Add(Substitute(a));
        return result;
    }
}
