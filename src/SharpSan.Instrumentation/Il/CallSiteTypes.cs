using Mono.Cecil;

namespace SharpSan.Instrumentation.Il;

/// <summary>
/// A member's declared type as seen from the code that uses it: every <c>!n</c> replaced by the argument of the
/// member's declaring generic instance and every <c>!!n</c> by the method instantiation's, at any depth
/// (<c>Entry&lt;!0,!1&gt;[]</c> of <c>Dictionary&lt;int,long&gt;</c> is <c>Entry&lt;int,long&gt;[]</c>). The arguments are
/// written in the caller's own generic context, so the result is too. Null when a parameter has no argument to
/// take (a generic method's <c>!!0</c> without its instantiation).
/// </summary>
public static class CallSiteTypes
{
    public static TypeReference? Of(TypeReference declared, TypeReference declaringType, IGenericInstance? method) =>
        Substitute(declared, (declaringType as GenericInstanceType)?.GenericArguments, method?.GenericArguments, 0);

    static TypeReference? Substitute(TypeReference type, IList<TypeReference>? typeArguments, IList<TypeReference>? methodArguments, int depth)
    {
        if (depth > 16) return null;
        TypeReference? Inner(TypeReference t) => Substitute(t, typeArguments, methodArguments, depth + 1);
        switch (type)
        {
            case GenericParameter { Type: GenericParameterType.Type } p:
                return typeArguments is not null && p.Position < typeArguments.Count ? typeArguments[p.Position] : null;
            case GenericParameter p:
                return methodArguments is not null && p.Position < methodArguments.Count ? methodArguments[p.Position] : null;
            case ArrayType a:
                return Inner(a.ElementType) is { } element ? Same(a.ElementType, element) ? a : new ArrayType(element, a.Rank) : null;
            case ByReferenceType r:
                return Inner(r.ElementType) is { } referenced ? Same(r.ElementType, referenced) ? r : new ByReferenceType(referenced) : null;
            case PointerType p:
                return Inner(p.ElementType) is { } pointee ? Same(p.ElementType, pointee) ? p : new PointerType(pointee) : null;
            case GenericInstanceType g:
                var instance = new GenericInstanceType(g.ElementType);
                bool changed = false;
                foreach (var argument in g.GenericArguments)
                {
                    if (Inner(argument) is not { } substituted) return null;
                    changed |= !Same(argument, substituted);
                    instance.GenericArguments.Add(substituted);
                }
                return changed ? instance : g;
            case IModifierType or PinnedType or SentinelType or FunctionPointerType:
                // Modifiers and signatures inside them are left as written: only say "unchanged" when nothing is generic.
                return type.ContainsGenericParameter ? null : type;
            default:
                return type;
        }
    }

    static bool Same(TypeReference a, TypeReference b) => ReferenceEquals(a, b);
}
