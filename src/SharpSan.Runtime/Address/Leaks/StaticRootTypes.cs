using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace SharpSan.Runtime.Address.Leaks;

/// <summary>
/// The types whose static fields are roots. Statics of a generic type live per instantiation, and .NET has no API
/// that lists the instantiations a process created, so they are found in the code:
/// <list type="bullet">
/// <item><see cref="Direct"/>: the modules' non-generic types and the closed instantiations their code names
/// (TypeSpec rows such as <c>Cache&lt;int&gt;</c>).</item>
/// <item><see cref="ThroughGenericCode"/>: instantiations that exist only when generic code runs
/// (<c>Cache&lt;!!0&gt;</c> inside <c>Store&lt;T&gt;</c>, called as <c>Store&lt;long&gt;</c>): the bodies of the closed
/// generic methods and of the methods of closed generic types are read in their generic context, transitively.</item>
/// </list>
/// Still missed: instantiations made only by reflection (<c>MakeGenericType</c>) or only by uninstrumented code, and
/// ones beyond <see cref="MaxBodies"/> generic method bodies or <see cref="MaxTokens"/> resolved tokens.
/// </summary>
internal static class StaticRootTypes
{
    const int MaxBodies = 20_000;
    /// <summary>Tokens resolved at most (a few microseconds each): bounds the exit-time cost on very large apps.</summary>
    const int MaxTokens = 300_000;

    public static IEnumerable<Type> Direct(Module module)
    {
        Type?[] types;
        try { types = module.GetTypes(); }
        catch (ReflectionTypeLoadException e) { types = e.Types; }
        catch (Exception) { types = []; }
        foreach (var type in types)
            if (type is not null && !type.ContainsGenericParameters) yield return type;
        foreach (var spec in ClosedSpecs(module, TableIndex.TypeSpec, row => module.ResolveType(0x1B000000 | row)))
            if (spec is { IsConstructedGenericType: true, ContainsGenericParameters: false }) yield return spec;
    }

    /// <summary>Closed generic instantiations of instrumented types reached by running generic code, not already in <paramref name="known"/>.</summary>
    public static List<Type> ThroughGenericCode(IReadOnlyCollection<Module> modules, IReadOnlySet<Type> known)
    {
        var ours = modules.ToHashSet();
        var found = new List<Type>();
        var seenTypes = new HashSet<Type>();
        var seenMethods = new HashSet<MethodBase>();
        var work = new Queue<MethodBase>();

        void AddType(Type? type)
        {
            while (type is { HasElementType: true }) type = type.GetElementType();
            if (type is not { IsConstructedGenericType: true, ContainsGenericParameters: false } || !ours.Contains(type.Module) || !seenTypes.Add(type)) return;
            foreach (var argument in type.GenericTypeArguments) AddType(argument);
            if (!known.Contains(type)) found.Add(type);
            foreach (var member in SafeMethods(type)) if (seenMethods.Add(member)) work.Enqueue(member);
        }

        void AddMethod(MethodBase? method)
        {
            if (method is null || method.ContainsGenericParameters) return;
            AddType(method.DeclaringType);
            if (method.IsGenericMethod && ours.Contains(method.Module) && seenMethods.Add(method)) work.Enqueue(method);
        }

        foreach (var module in modules)
        {
            foreach (var type in Direct(module)) AddType(type);
            foreach (var method in ClosedSpecs(module, TableIndex.MethodSpec, row => module.ResolveMethod(0x2B000000 | row))) AddMethod(method);
        }
        int tokens = 0;
        for (int bodies = 0; work.Count > 0 && bodies < MaxBodies && tokens < MaxTokens; bodies++)
        {
            var method = work.Dequeue();
            foreach (var member in MembersUsedBy(method))
            {
                tokens++;
                switch (member)
                {
                    case Type type: AddType(type); break;
                    case FieldInfo field: AddType(field.DeclaringType); break;
                    case MethodBase callee: AddMethod(callee); break;
                }
            }
        }
        return found;
    }

    static IEnumerable<MethodBase> SafeMethods(Type type)
    {
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        try { return [.. type.GetMethods(all), .. type.GetConstructors(all)]; }
        catch (Exception) { return []; }
    }

    /// <summary>The members a method body names, resolved in the method's generic context.</summary>
    static IEnumerable<MemberInfo> MembersUsedBy(MethodBase method)
    {
        byte[]? il;
        Type[] typeArguments, methodArguments;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
            typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : [];
            methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : [];
        }
        catch (Exception) { yield break; }
        if (il is null) yield break;
        foreach (int token in IlTokens.Of(il))
        {
            MemberInfo? member = null;
            try { member = method.Module.ResolveMember(token, typeArguments, methodArguments); }
            catch (Exception) { }
            if (member is not null) yield return member;
        }
    }

    /// <summary>Rows of a TypeSpec/MethodSpec table that resolve without a generic context (the closed ones).</summary>
    static IEnumerable<T> ClosedSpecs<T>(Module module, TableIndex table, Func<int, T?> resolve) where T : class
    {
        int rows;
        try
        {
            using var pe = new PEReader(File.OpenRead(module.Assembly.Location));
            rows = pe.GetMetadataReader().GetTableRowCount(table);
        }
        catch (Exception) { yield break; }
        for (int row = 1; row <= rows; row++)
        {
            T? resolved = null;
            try { resolved = resolve(row); }
            catch (Exception) { }
            if (resolved is not null) yield return resolved;
        }
    }
}
