namespace JitProbe;

/// <summary>
/// Type arguments for constraints that no plain type meets because only the assembly's own generic types implement
/// them: BitFaster.Caching's <c>TFactory : struct, IValueFactory&lt;K, V&gt;</c> is met by its <c>ValueFactory&lt;K, V&gt;</c>.
/// The constraint is first closed over the arguments already chosen for the earlier parameters, then every generic
/// type of the assembly that implements (or derives from) the constraint's generic definition is unified with it to
/// learn its own arguments.
/// </summary>
public sealed class ConstraintSolver(IReadOnlyList<Type> genericTypes)
{
    /// <summary>Instantiations of the assembly's generic types that implement every closable constraint of the parameter.</summary>
    public IEnumerable<Type> Candidates(Type parameter, Search search, int position)
    {
        foreach (var constraint in parameter.GetGenericParameterConstraints())
        {
            if (!constraint.IsGenericType || Close(constraint, search, position) is not { } closed) continue;
            var definition = closed.GetGenericTypeDefinition();
            foreach (var type in genericTypes)
            {
                foreach (var implemented in Implemented(type).Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == definition))
                {
                    var bindings = new Dictionary<Type, Type>();
                    if (!Unify(implemented, closed, bindings)) continue;
                    var arguments = type.GetGenericArguments().Select(p => bindings.GetValueOrDefault(p)).ToArray();
                    if (arguments.Any(a => a is null)) continue;
                    Type? candidate = null;
                    try { candidate = type.MakeGenericType(arguments!); }
                    catch (ArgumentException) { }   // the candidate's own constraints refuse these arguments
                    if (candidate is not null) yield return candidate;
                }
            }
        }
    }

    static IEnumerable<Type> Implemented(Type type)
    {
        foreach (var i in type.GetInterfaces()) yield return i;
        for (var b = type.BaseType; b is not null; b = b.BaseType) yield return b;
    }

    /// <summary>
    /// The constraint with the parameters before <paramref name="position"/> replaced by their arguments, and the
    /// declaring type's parameters (which a method's constraints still mention) by the type's; null if it needs a later one.
    /// </summary>
    static Type? Close(Type type, Search search, int position)
    {
        if (type.IsGenericParameter)
        {
            int index = Array.IndexOf(search.Parameters, type);
            if (index >= 0) return index < position ? search.Chosen[index] : null;
            return type.DeclaringMethod is null && type.GenericParameterPosition < search.Context.Length ? search.Context[type.GenericParameterPosition] : null;
        }
        if (type.IsArray) return Close(type.GetElementType()!, search, position) is { } e ? (type.IsSZArray ? e.MakeArrayType() : e.MakeArrayType(type.GetArrayRank())) : null;
        if (!type.IsGenericType || !type.ContainsGenericParameters) return type;
        var arguments = type.GetGenericArguments().Select(a => Close(a, search, position)).ToArray();
        if (arguments.Any(a => a is null)) return null;
        try { return type.GetGenericTypeDefinition().MakeGenericType(arguments!); }
        catch (ArgumentException) { return null; }
    }

    /// <summary>Matches a type written in terms of a generic type's parameters against a closed type, binding the parameters.</summary>
    static bool Unify(Type pattern, Type concrete, Dictionary<Type, Type> bindings)
    {
        if (pattern.IsGenericParameter)
        {
            if (bindings.TryGetValue(pattern, out var bound)) return bound == concrete;
            bindings[pattern] = concrete;
            return true;
        }
        if (pattern.IsArray)
            return concrete.IsArray && pattern.GetArrayRank() == concrete.GetArrayRank() && Unify(pattern.GetElementType()!, concrete.GetElementType()!, bindings);
        if (pattern.IsGenericType && pattern.ContainsGenericParameters)
        {
            if (!concrete.IsGenericType || concrete.GetGenericTypeDefinition() != pattern.GetGenericTypeDefinition()) return false;
            var p = pattern.GetGenericArguments();
            var c = concrete.GetGenericArguments();
            for (int k = 0; k < p.Length; k++)
                if (!Unify(p[k], c[k], bindings)) return false;
            return true;
        }
        return pattern == concrete;
    }
}
