using System.Runtime.CompilerServices;
using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// What a method does to the memory behind one of its by-reference arguments — a struct method's <c>this</c> (the
/// struct's storage: a field, a static, an array element) or a <c>ref</c> parameter: which members (paths of field
/// names, <see cref="StructMembers"/>) it reads, writes or updates atomically. Interprocedural: the address is
/// followed through nested fields, by-reference locals, and the calls it is passed on to (`this.inner.Bump()`,
/// `Helper(ref this.f)`), each callee analysed under the generic arguments the call names; an address that escapes
/// inside a callee (stored into a ref field or a span, turned into a pointer) counts as written; memoised per method,
/// argument and instantiation. A call site uses this to check a call as a read of the field unless the callee writes
/// it, and then as a write of the members it writes (RaceAccessPass).
/// </summary>
/// <remarks>
/// <para>Callees are read from IL wherever the resolver finds a body: the module being rewritten, other checked
/// modules, and the framework's implementation assemblies (List&lt;T&gt;.Enumerator.MoveNext writes, Nullable&lt;T&gt;.HasValue
/// reads).</para>
/// <para>Where no body can be seen — an unresolvable method, an extern or abstract one, a reference assembly, a JIT
/// intrinsic whose IL is a stub (<see cref="IntrinsicEffects"/> models Unsafe's), a virtual method that may be
/// overridden, or a chain of calls deeper than <see cref="MaxDepth"/> — the call counts as
/// a write of the whole argument (what it always was), except for `readonly` struct members, members of `readonly
/// struct`s, property getters and `in`/`ref readonly` parameters, which count as a read.</para>
/// <para><c>constrained. T callvirt IPolicy::M</c> with <c>T</c> a type argument known at the call (after
/// substitution) resolves to that type's implementation. With <c>T</c> still a generic parameter (shared generic code)
/// it is the union over the implementations of the interface method by value types of the module being rewritten and
/// of the interface's own module (a library's policies); if there are none, a read. An implementation living in a
/// module the rewriter cannot see (a user's policy passed into a library) is not known: its writes are missed there.</para>
/// <para>Recursion is cut optimistically (a method already being analysed contributes nothing to itself).</para>
/// </remarks>
public sealed class ByrefEffects
{
    public const int MaxDepth = 16;

    static readonly ConditionalWeakTable<ModuleDefinition, ByrefEffects> s_byModule = new();

    readonly ModuleDefinition _module;
    readonly Dictionary<(MethodDefinition Method, int Parameter, string Context), Summary> _summaries = [];
    readonly HashSet<(MethodDefinition, int, string)> _inProgress = [];
    readonly Dictionary<ModuleDefinition, bool> _referenceAssemblies = [];
    readonly Dictionary<TypeDefinition, List<TypeDefinition>> _implementers = [];

    ByrefEffects(ModuleDefinition module) => _module = module;

    /// <summary>The analysis for code of <paramref name="module"/> (the module being rewritten): one memo per module.</summary>
    public static ByrefEffects For(ModuleDefinition module) => s_byModule.GetValue(module, m => new ByrefEffects(m));

    /// <summary>Members read, written or updated atomically, and paths whose address the method returns.</summary>
    public sealed record Summary(IReadOnlyList<MemberEffect> Members, IReadOnlyList<string> Returned);

    static readonly Summary Nothing = new([], []);

    static Summary Whole(AddressUse use) => new([new MemberEffect("", use)], []);

    /// <summary>
    /// The effects of <paramref name="call"/> (whose target is <paramref name="callee"/>, as named in code read under
    /// <paramref name="context"/>) on its argument number <paramref name="argument"/> (0 = <c>this</c> or the first).
    /// </summary>
    public Summary OfArgument(Instruction call, MethodReference callee, int argument, GenericContext context, int depth)
    {
        int parameter = argument - (callee.HasThis ? 1 : 0);   // -1 = this
        if (call.Previous is { OpCode.Code: Code.Constrained } prefix)
            return OfConstrained(context.Substitute((TypeReference)prefix.Operand), callee, parameter, context, depth);
        var definition = callee.TryResolve();
        if (definition is null) return Fallback(null, parameter);
        if (call.OpCode.Code == Code.Callvirt && definition.IsVirtual && !definition.IsFinal && !definition.DeclaringType.IsSealed)
            return Fallback(definition, parameter);   // an override elsewhere may do anything with a `ref` argument
        return Of(definition, parameter, context.For(callee), depth);
    }

    /// <summary>
    /// `constrained. T callvirt M`: the implementation of M on T, or every implementation T may stand for — for the
    /// receiver and for the other by-reference arguments alike (`policy.ExpireEntries(ref this)`).
    /// </summary>
    Summary OfConstrained(TypeReference target, MethodReference callee, int parameter, GenericContext context, int depth)
    {
        if (target is GenericParameter generic) return OfAnyImplementation(generic, callee, parameter, context, depth);
        if (target.TryResolve() is not { IsValueType: true })   // a reference at the address: the call loads it and calls virtually
            return parameter == -1 ? Whole(AddressUse.Read) : Fallback(callee.TryResolve(), parameter);
        if (Implementation(target, callee) is not { } implementation)   // object's own method: `this` is boxed, a copy is read
            return parameter == -1 ? Whole(AddressUse.Read) : Fallback(callee.TryResolve(), parameter);
        return Of(implementation, parameter, context.ForImplementation(target, callee), depth);
    }

    Summary OfAnyImplementation(GenericParameter generic, MethodReference callee, int parameter, GenericContext context, int depth)
    {
        if (callee.DeclaringType.TryResolve() is not { IsInterface: true } contract)
            return parameter == -1 ? Whole(AddressUse.Read) : Fallback(callee.TryResolve(), parameter);
        var members = new List<MemberEffect>();
        var returned = new List<string>();
        // Without the struct constraint T may be a class: the address then holds a reference, which the call loads.
        if (parameter == -1 && !generic.HasNotNullableValueTypeConstraint) members.Add(new MemberEffect("", AddressUse.Read));
        bool any = false;
        foreach (var type in Implementers(contract))
        {
            if (Implementation(type, callee) is not { } implementation) continue;
            var summary = Of(implementation, parameter, context.ForImplementation(type, callee), depth);
            members.AddRange(summary.Members);
            returned.AddRange(summary.Returned);
            any = true;
        }
        if (any) return new Summary(members, returned);
        return parameter == -1 ? Whole(AddressUse.Read) : Fallback(callee.TryResolve(), parameter);
    }

    /// <summary>Value types of the rewritten module and of the interface's module that implement <paramref name="contract"/>.</summary>
    List<TypeDefinition> Implementers(TypeDefinition contract)
    {
        if (_implementers.TryGetValue(contract, out var known)) return known;
        var found = new List<TypeDefinition>();
        foreach (var module in new[] { _module, contract.Module }.Distinct())
        {
            if (module != _module && IsFramework(module)) continue;
            foreach (var type in ModuleTypes.All(module).Where(t => t.IsValueType && !t.IsEnum))
                if (type.Interfaces.Any(i => i.InterfaceType.GetElementType().FullName == contract.FullName && i.InterfaceType.TryResolve() == contract))
                    found.Add(type);
        }
        return _implementers[contract] = found;
    }

    static bool IsFramework(ModuleDefinition module) =>
        module.Assembly?.Name.Name is { } name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "mscorlib" or "netstandard");

    /// <summary>The method of <paramref name="type"/> that a call of <paramref name="callee"/> (an interface or virtual method) runs.</summary>
    static MethodDefinition? Implementation(TypeReference type, MethodReference callee)
    {
        if (type.TryResolve() is not { } definition) return null;
        string contract = callee.DeclaringType.GetElementType().FullName;
        var instance = definition.Methods.Where(m => !m.IsStatic && m.HasBody).ToList();
        var explicitImplementation = instance.FirstOrDefault(m => m.Overrides.Any(o => o.Name == callee.Name && o.DeclaringType.GetElementType().FullName == contract));
        if (explicitImplementation is not null) return explicitImplementation;
        var candidates = instance.Where(m => m.Name == callee.Name && m.Parameters.Count == callee.Parameters.Count
            && m.GenericParameters.Count == (callee is GenericInstanceMethod g ? g.GenericArguments.Count : callee.GenericParameters.Count)).ToList();
        if (candidates.Count <= 1) return candidates.FirstOrDefault();
        // Overloads with as many parameters: the one whose non-generic parameter types match by name.
        return candidates.FirstOrDefault(m => m.Parameters.Select(p => p.ParameterType).Zip(callee.Parameters.Select(p => p.ParameterType))
            .All(pair => pair.First.ContainsGenericParameter || pair.Second.ContainsGenericParameter || pair.First.FullName == pair.Second.FullName))
            ?? candidates[0];
    }

    Summary Of(MethodDefinition method, int parameter, GenericContext context, int depth)
    {
        var key = (method, parameter, context.Key);
        if (_summaries.TryGetValue(key, out var known)) return known;
        if (depth > MaxDepth) return Fallback(method, parameter);
        if (!_inProgress.Add(key)) return Nothing;   // recursion: the outer activation accounts for the rest
        try
        {
            var summary = IntrinsicEffects.Of(method, parameter)
                ?? (!method.HasBody || method.Body.Instructions.Count == 0 || IsReferenceAssembly(method.Module) || IntrinsicEffects.IsStub(method) ? Fallback(method, parameter) : Analyse(method, parameter, context, depth));
            if (parameter == -1 ? IsReadOnlyThis(method) : IsReadOnlyParameter(method, parameter))
                summary = summary with { Members = summary.Members.Select(m => m.Use == AddressUse.Write ? m with { Use = AddressUse.Read } : m).ToList() };
            return _summaries[key] = summary;
        }
        finally
        {
            _inProgress.Remove(key);
        }
    }

    Summary Analyse(MethodDefinition method, int parameter, GenericContext context, int depth)
    {
        ParameterDefinition argument;
        if (parameter == -1)
        {
            if (!method.HasThis || !method.DeclaringType.IsValueType) return Whole(AddressUse.Read);
            argument = method.Body.ThisParameter;
        }
        else
        {
            if (parameter >= method.Parameters.Count || !method.Parameters[parameter].ParameterType.IsByReference) return Whole(AddressUse.Read);
            argument = method.Parameters[parameter];
        }
        if (ByrefFlow.Run(method, argument, context, this, depth) is not { } flow) return Whole(AddressUse.Write);
        return new Summary(Merge(flow.Members), flow.Returned.Distinct().ToList());
    }

    /// <summary>One effect per path, the strongest: a write over an atomic update over a read.</summary>
    static List<MemberEffect> Merge(List<MemberEffect> members) =>
        members.GroupBy(m => m.Path).Select(g => new MemberEffect(g.Key, g.Select(m => m.Use).Max(Rank) switch
        {
            3 => AddressUse.Write,
            2 => AddressUse.Atomic,
            _ => AddressUse.Read,
        })).ToList();

    static int Rank(AddressUse use) => use switch { AddressUse.Write => 3, AddressUse.Atomic => 2, AddressUse.Read => 1, _ => 0 };

    /// <summary>No body to read: a write of the whole argument, unless the signature promises not to write it.</summary>
    static Summary Fallback(MethodDefinition? method, int parameter)
    {
        if (method is null) return Whole(AddressUse.Write);
        if (parameter == -1) return Whole(IsReadOnlyThis(method) || method.IsGetter ? AddressUse.Read : AddressUse.Write);
        return Whole(IsReadOnlyParameter(method, parameter) ? AddressUse.Read : AddressUse.Write);
    }

    static bool IsReadOnlyThis(MethodDefinition method) =>
        method.DeclaringType.IsValueType && (RaceShadowFields.HasAttribute(method.DeclaringType.CustomAttributes, "IsReadOnlyAttribute")
            || RaceShadowFields.HasAttribute(method.CustomAttributes, "IsReadOnlyAttribute"));

    static bool IsReadOnlyParameter(MethodDefinition method, int parameter)
    {
        if (parameter < 0 || parameter >= method.Parameters.Count) return false;
        var p = method.Parameters[parameter];
        return p.IsIn || RaceShadowFields.HasAttribute(p.CustomAttributes, "IsReadOnlyAttribute")
            || RaceShadowFields.HasAttribute(p.CustomAttributes, "RequiresLocationAttribute");
    }

    /// <summary>A reference assembly's bodies are stubs (`throw null`): they say nothing about the real code.</summary>
    bool IsReferenceAssembly(ModuleDefinition module)
    {
        if (_referenceAssemblies.TryGetValue(module, out bool known)) return known;
        return _referenceAssemblies[module] = module.Assembly?.CustomAttributes.Any(a => a.AttributeType.Name == "ReferenceAssemblyAttribute") == true;
    }
}
