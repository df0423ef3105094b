using System.Reflection;

namespace JitProbe;

/// <summary>
/// Representative type arguments for a generic type or method: one instantiation that prefers value types (the JIT
/// compiles a separate body per value type: <c>int</c>, then the assembly's own structs), one that prefers reference
/// types (the shared canonical body: <c>object</c>, <c>string</c>, then the assembly's classes) and, when a parameter
/// says <c>allows ref struct</c>, one that prefers ref structs (<c>Span&lt;int&gt;</c>, the assembly's own). Candidates
/// are filtered by each parameter's special constraints (<c>class</c>, <c>struct</c>, <c>unmanaged</c>, <c>new()</c>,
/// byref-like) and its closed constraint types; <c>MakeGenericType</c>/<c>MakeGenericMethod</c> decides the rest
/// (constraints that mention other parameters, such as <c>T : IEquatable&lt;T&gt;</c>). A constraint that only a generic
/// type meets is met by one of the assembly's own generic types if it has one (<see cref="ConstraintSolver"/>). A
/// parameter whose constraint nothing in the assembly implements (CommunityToolkit's <c>TAction : struct, IAction</c>,
/// for the user to write) finds nothing: the caller reports a skip.
/// </summary>
public sealed class Instantiations
{
    const int AttemptsPerInstantiation = 400;

    static readonly Type[] s_values = [typeof(int), typeof(long), typeof(byte), typeof(double), typeof(char), typeof(bool), typeof(Guid), typeof(DateTime), typeof(decimal), typeof(nint)];
    static readonly Type[] s_references = [typeof(object), typeof(string), typeof(Exception), typeof(Stream), typeof(int[])];
    static readonly Type[] s_byRefLike = [typeof(Span<int>), typeof(ReadOnlySpan<byte>)];

    readonly Type[] _valueFirst;
    readonly Type[] _referenceFirst;
    readonly Type[] _byRefLikeFirst;
    readonly ConstraintSolver _solver;

    public Instantiations(Assembly assembly)
    {
        var own = OwnTypes(assembly);
        var plain = own.Where(t => !t.IsGenericTypeDefinition).ToList();
        var ownValues = plain.Where(t => t.IsValueType && !t.IsByRefLike).ToList();
        var ownReferences = plain.Where(t => !t.IsValueType).ToList();
        _valueFirst = [.. s_values, .. ownValues, .. s_references, .. ownReferences];
        _referenceFirst = [.. s_references, .. ownReferences, .. s_values, .. ownValues];
        _byRefLikeFirst = [.. s_byRefLike, .. plain.Where(t => t.IsByRefLike), .. _valueFirst];
        _solver = new ConstraintSolver([.. own.Where(t => t.IsGenericTypeDefinition && !t.IsInterface)]);
    }

    /// <summary>
    /// Up to three distinct argument lists that <paramref name="construct"/> accepts. <paramref name="context"/> holds the
    /// declaring type's arguments when the parameters are a method's (its constraints may mention the type's parameters).
    /// </summary>
    public IEnumerable<Type[]> For(Type[] parameters, Type[] context, Action<Type[]> construct)
    {
        var found = new List<Type[]>();
        bool byRefLike = parameters.Any(p => (p.GenericParameterAttributes & GenericParameterAttributes.AllowByRefLike) != 0);
        foreach (var pool in byRefLike ? [_valueFirst, _referenceFirst, _byRefLikeFirst] : new[] { _valueFirst, _referenceFirst })
        {
            var candidates = parameters.Select(p => pool.Where(c => Admits(p, c)).ToArray()).ToArray();
            int attempts = AttemptsPerInstantiation;
            var search = new Search(parameters, context, new Type[parameters.Length]);
            if (Find(0, search, candidates, construct, ref attempts) && !found.Any(f => f.SequenceEqual(search.Chosen)))
                found.Add((Type[])search.Chosen.Clone());
        }
        return found;
    }

    /// <summary>
    /// Depth-first over the candidates of each position — the assembly's generic types that meet the parameter's
    /// constraints once the earlier arguments are known, then the pool — with the constructor as the judge of a
    /// complete list.
    /// </summary>
    bool Find(int position, Search search, Type[][] candidates, Action<Type[]> construct, ref int attempts)
    {
        if (position == search.Chosen.Length)
        {
            if (attempts-- <= 0) return false;
            try
            {
                construct(search.Chosen);
                return true;
            }
            catch (ArgumentException)
            {
                return false;   // a constraint not visible to Admits (one that mentions another parameter)
            }
        }
        var parameter = search.Parameters[position];
        var constructed = _solver.Candidates(parameter, search, position).Where(c => Admits(parameter, c)).Distinct().Take(4);
        foreach (var candidate in constructed.Concat(candidates[position]))
        {
            search.Chosen[position] = candidate;
            if (Find(position + 1, search, candidates, construct, ref attempts)) return true;
            if (attempts <= 0) return false;
        }
        return false;
    }

    static bool Admits(Type parameter, Type candidate)
    {
        var flags = parameter.GenericParameterAttributes;
        if (candidate.IsByRefLike && (flags & GenericParameterAttributes.AllowByRefLike) == 0) return false;
        if ((flags & GenericParameterAttributes.ReferenceTypeConstraint) != 0 && candidate.IsValueType) return false;
        if ((flags & GenericParameterAttributes.NotNullableValueTypeConstraint) != 0 && !candidate.IsValueType) return false;
        if ((flags & GenericParameterAttributes.DefaultConstructorConstraint) != 0 && !candidate.IsValueType
            && (candidate.IsAbstract || candidate.GetConstructor(Type.EmptyTypes) is null)) return false;
        if (IsUnmanaged(parameter) && !(candidate.IsPrimitive || candidate.IsEnum)) return false;
        foreach (var constraint in parameter.GetGenericParameterConstraints())
            if (!constraint.ContainsGenericParameters && !constraint.IsAssignableFrom(candidate)) return false;
        return true;
    }

    /// <summary>C#'s <c>unmanaged</c>: <c>struct</c> plus [IsUnmanaged] on the parameter (the runtime does not check it).</summary>
    static bool IsUnmanaged(Type parameter) =>
        parameter.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.IsUnmanagedAttribute");

    /// <summary>
    /// The assembly's types that can be type arguments (generic ones once instantiated), named by the source (no
    /// compiler-generated or SharpSan-generated types, so the original and its instrumented copy choose alike).
    /// </summary>
    static List<Type> OwnTypes(Assembly assembly)
    {
        Type[] types;
        try { types = assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { types = [.. e.Types.OfType<Type>()]; }
        return [.. types
            .Where(t => !(t.IsAbstract && t.IsSealed) && !t.Name.Contains('<') && (t.DeclaringType is null || !t.DeclaringType.Name.Contains('<')))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)];
    }
}

/// <summary>One search for an instantiation: the parameters, the declaring type's arguments (for a method's), the choice so far.</summary>
public sealed record Search(Type[] Parameters, Type[] Context, Type[] Chosen);
