using Mono.Cecil;
using Mono.Collections.Generic;

namespace SharpSan.Instrumentation.Races;

/// <summary>Replaces a generic type's parameters (!0, !1, …) inside a type by a generic instance's arguments.</summary>
public static class GenericSubstitution
{
    public static TypeReference Apply(TypeReference type, Collection<TypeReference> arguments) => type switch
    {
        GenericParameter { Type: GenericParameterType.Type } p when p.Position < arguments.Count => arguments[p.Position],
        ArrayType a => new ArrayType(Apply(a.ElementType, arguments), a.Rank),
        ByReferenceType r => new ByReferenceType(Apply(r.ElementType, arguments)),
        PointerType p => new PointerType(Apply(p.ElementType, arguments)),
        GenericInstanceType g => Instance(g, arguments),
        _ => type,
    };

    static GenericInstanceType Instance(GenericInstanceType g, Collection<TypeReference> arguments)
    {
        var result = new GenericInstanceType(g.ElementType);
        foreach (var a in g.GenericArguments) result.GenericArguments.Add(Apply(a, arguments));
        return result;
    }
}
