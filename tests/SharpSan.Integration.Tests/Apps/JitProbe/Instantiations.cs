using System.Reflection;

namespace JitProbe;

/// <summary>
/// Representative type arguments for a generic type or method: one instantiation that prefers value types (the JIT
/// compiles a separate body per value type: <c>int</c>, then the assembly's own structs) and one that prefers reference
/// types (the shared canonical body: <c>object</c>, <c>string</c>, then the assembly's classes). Candidates are
/// filtered by each parameter's special constraints (<c>class</c>, <c>struct</c>, <c>unmanaged</c>, <c>new()</c>) and
/// its non-generic constraint types; <c>MakeGenericType</c>/<c>MakeGenericMethod</c> decides the rest (constraints that
/// mention other parameters, such as <c>T : IEquatable&lt;T&gt;</c>). Byref-like types are never used (an
/// <c>allows ref struct</c> parameter gets an ordinary type). A parameter whose constraint only a generic type could
/// meet (<c>TWriter : IBufferWriter&lt;T&gt;</c>) finds nothing: the caller reports a skip.
/// </summary>
public sealed class Instantiations
{
    const int AttemptsPerInstantiation = 400;

    static readonly Type[] s_values = [typeof(int), typeof(long), typeof(byte), typeof(double), typeof(char), typeof(bool), typeof(Guid), typeof(DateTime), typeof(decimal), typeof(nint)];
    static readonly Type[] s_references = [typeof(object), typeof(string), typeof(Exception), typeof(Stream), typeof(int[])];

    readonly Type[] _valueFirst;
    readonly Type[] _referenceFirst;

    public Instantiations(Assembly assembly)
    {
        var own = OwnTypes(assembly);
        var ownValues = own.Where(t => t.IsValueType).ToList();
        var ownReferences = own.Where(t => !t.IsValueType).ToList();
        _valueFirst = [.. s_values, .. ownValues, .. s_references, .. ownReferences];
        _referenceFirst = [.. s_references, .. ownReferences, .. s_values, .. ownValues];
    }

    /// <summary>Up to two distinct argument lists that <paramref name="construct"/> accepts.</summary>
    public IEnumerable<Type[]> For(Type[] parameters, Action<Type[]> construct)
    {
        var found = new List<Type[]>();
        foreach (var pool in new[] { _valueFirst, _referenceFirst })
        {
            var candidates = parameters.Select(p => pool.Where(c => Admits(p, c)).ToArray()).ToArray();
            int attempts = AttemptsPerInstantiation;
            var chosen = new Type[parameters.Length];
            if (Search(0, candidates, chosen, construct, ref attempts) && !found.Any(f => f.SequenceEqual(chosen)))
                found.Add((Type[])chosen.Clone());
        }
        return found;
    }

    /// <summary>Depth-first over the candidates of each position; the constructor is the judge of a complete list.</summary>
    static bool Search(int position, Type[][] candidates, Type[] chosen, Action<Type[]> construct, ref int attempts)
    {
        if (position == chosen.Length)
        {
            if (attempts-- <= 0) return false;
            try
            {
                construct(chosen);
                return true;
            }
            catch (ArgumentException)
            {
                return false;   // a constraint not visible to Admits (one that mentions another parameter)
            }
        }
        foreach (var candidate in candidates[position])
        {
            chosen[position] = candidate;
            if (Search(position + 1, candidates, chosen, construct, ref attempts)) return true;
            if (attempts <= 0) return false;
        }
        return false;
    }

    static bool Admits(Type parameter, Type candidate)
    {
        var flags = parameter.GenericParameterAttributes;
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
    /// The assembly's non-generic types that can be type arguments, named by the source (no compiler-generated or
    /// SharpSan-generated types, so the original and its instrumented copy choose alike).
    /// </summary>
    static List<Type> OwnTypes(Assembly assembly)
    {
        Type[] types;
        try { types = assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { types = [.. e.Types.OfType<Type>()]; }
        return [.. types
            .Where(t => !t.IsGenericTypeDefinition && !t.IsByRefLike && !(t.IsAbstract && t.IsSealed) && !t.Name.Contains('<')
                        && (t.DeclaringType is null || !t.DeclaringType.Name.Contains('<')))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)];
    }
}
