using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Memory;

/// <summary>
/// Span locals over a whole array (<c>Span&lt;T&gt; s = arr</c>, <c>arr.AsSpan()</c>, <c>new Span&lt;T&gt;(arr)</c>) whose
/// every use is seen. Such a local is written once, by its creation, and its address is taken only for the indexer
/// (<c>s[i]</c>, the element address then reaching loads and stores of that element in straight-line code, as
/// <see cref="ElementReferences"/>) and <c>Length</c>: those element accesses use the array's own shadow (index i of the
/// span is index i of the array), so the array need not escape when the span is made. Any other read of the local (a
/// copy, a call taking the span, a slice) makes the array escape right there, before anything can write through it
/// unseen; a local whose address is taken otherwise, or that is stored twice, is not followed (the array escapes at
/// the creation, as before). Partial: spans over part of an array (<c>AsSpan(start, length)</c>) are not followed.
/// </summary>
public sealed class ArrayViews
{
    public static readonly ArrayViews None = new();

    /// <summary>The call (or newobj) making a followed span from its array → the span local.</summary>
    public Dictionary<Instruction, VariableDefinition> Creations { get; } = [];

    /// <summary>Followed indexer calls (<c>get_Item</c>) → the span local: their element address uses the array's shadow.</summary>
    public Dictionary<Instruction, VariableDefinition> Items { get; } = [];

    /// <summary>Reads of a followed span or ref local that hand it on (ldloc): the array escapes there.</summary>
    public Dictionary<Instruction, VariableDefinition> Escapes { get; } = [];

    /// <summary>The ldelema whose element address a followed ref local keeps (<c>ref T r = ref arr[i]</c>) → the ref local.</summary>
    public Dictionary<Instruction, VariableDefinition> RefCreations { get; } = [];

    /// <summary>Reads of a followed ref local whose address reaches only loads and stores of the element → the ref local.</summary>
    public Dictionary<Instruction, VariableDefinition> RefItems { get; } = [];

    public static ArrayViews Of(MethodDefinition method, ISet<Instruction> jumpTargets)
    {
        if (!method.HasBody || !method.Body.Variables.Any(v => ElementOf(v.VariableType) is not null || RefElementOf(v.VariableType) is not null)) return None;
        var views = new ArrayViews();
        var body = method.Body.Instructions;
        foreach (var local in method.Body.Variables)
        {
            if (RefElementOf(local.VariableType) is { } refElement)
            {
                FollowRefLocal(views, local, refElement, method, jumpTargets);
                continue;
            }
            if (ElementOf(local.VariableType) is not { } element || ElementReferences.ScalarSize(element) is not { } size) continue;
            Instruction? creation = null;
            var items = new List<Instruction>();
            var escapes = new List<Instruction>();
            bool followed = true;
            foreach (var i in body)
            {
                if (i.Operand != local) continue;
                switch (i.OpCode.Code)
                {
                    case Code.Stloc when creation is null && !jumpTargets.Contains(i) && i.Previous is { } made && !jumpTargets.Contains(made) && MakesFromArray(made, local.VariableType, isConstructor: false):
                        creation = made;
                        break;
                    case Code.Ldloca when Consumer(i, method, jumpTargets) is { } call && call.Operand is MethodReference target && SameType(target.DeclaringType, local.VariableType):
                        if (target.Name == ".ctor" && creation is null && MakesFromArray(call, local.VariableType, isConstructor: true)) creation = call;
                        else if (target.Name == "get_Item" && ElementReferences.IsFollowedAddress(call, size, method, jumpTargets)) items.Add(call);
                        else if (target.Name is not ("get_Length" or "get_IsEmpty")) followed = false;
                        break;
                    case Code.Ldloc:
                        escapes.Add(i);
                        break;
                    default:
                        followed = false;
                        break;
                }
                if (!followed) break;
            }
            if (!followed || creation is null || items.Count == 0) continue;
            views.Creations[creation] = local;
            foreach (var item in items) views.Items[item] = local;
            foreach (var use in escapes) views.Escapes[use] = local;
        }
        return views;
    }

    /// <summary>
    /// A ref local kept from one element address (<c>ref T r = ref arr[i]</c>, Debug builds keep every such address in a
    /// local): written once, by <c>ldelema; stloc r</c>; each <c>ldloc r</c> whose address reaches only loads and stores of
    /// the element uses the array's shadow at the kept index; any other read escapes the array there, and any other
    /// write of the local (or its address taken) leaves it unfollowed.
    /// </summary>
    static void FollowRefLocal(ArrayViews views, VariableDefinition local, TypeReference element, MethodDefinition method, ISet<Instruction> jumpTargets)
    {
        if (ElementReferences.ScalarSize(element) is not { } size) return;
        Instruction? creation = null;
        var items = new List<Instruction>();
        var escapes = new List<Instruction>();
        foreach (var i in method.Body.Instructions)
        {
            if (i.Operand != local) continue;
            if (i.OpCode.Code == Code.Stloc && creation is null && !jumpTargets.Contains(i)
                && i.Previous is { OpCode.Code: Code.Ldelema, Operand: TypeReference type } ldelema && type.FullName == element.FullName)
                creation = ldelema;
            else if (i.OpCode.Code == Code.Ldloc)
                (ElementReferences.IsFollowedAddress(i, size, method, jumpTargets) ? items : escapes).Add(i);
            else return;
        }
        if (creation is null || items.Count == 0) return;
        views.RefCreations[creation] = local;
        foreach (var item in items) views.RefItems[item] = local;
        foreach (var use in escapes) views.Escapes[use] = local;
    }

    /// <summary>The element type of a ref local (<c>ref T</c>) of a scalar T, or null.</summary>
    public static TypeReference? RefElementOf(TypeReference type) =>
        type is ByReferenceType { ElementType: var element } && !element.ContainsGenericParameter && ElementReferences.ScalarSize(element) is not null ? element : null;

    /// <summary>The array element type a followed span or ref local views.</summary>
    public static TypeReference ViewedElement(VariableDefinition local) => ElementOf(local.VariableType) ?? RefElementOf(local.VariableType)!;

    /// <summary>The element type of a local of type Span&lt;T&gt; or ReadOnlySpan&lt;T&gt;, or null.</summary>
    public static TypeReference? ElementOf(TypeReference type) =>
        type is GenericInstanceType { ElementType.FullName: "System.Span`1" or "System.ReadOnlySpan`1" } span && !span.GenericArguments[0].ContainsGenericParameter
            ? span.GenericArguments[0] : null;

    static bool SameType(TypeReference a, TypeReference b) => a.FullName == b.FullName;

    /// <summary>A span made over a whole array: AsSpan(T[]), op_Implicit(T[]), new Span&lt;T&gt;(T[]).</summary>
    static bool MakesFromArray(Instruction i, TypeReference spanType, bool isConstructor)
    {
        if (i.Operand is not MethodReference { Parameters.Count: 1 } target || target.Parameters[0].ParameterType is not ArrayType { Rank: 1 }) return false;
        if (isConstructor) return i.OpCode.Code == Code.Call && target.Name == ".ctor";
        if (i.OpCode.Code == Code.Newobj) return target.Name == ".ctor" && SameType(target.DeclaringType, spanType);
        if (i.OpCode.Code != Code.Call || !SameType(Resolved(target), spanType)) return false;
        return target.Name == "op_Implicit" && SameType(target.DeclaringType, spanType)
            || target.Name == "AsSpan" && target.DeclaringType.FullName == "System.MemoryExtensions";
    }

    /// <summary>The call's return type with the call's generic arguments in place (AsSpan&lt;byte&gt; returns Span&lt;byte&gt;).</summary>
    static TypeReference Resolved(MethodReference target) => CallSiteTypes.Of(target.ReturnType, target.DeclaringType, target as IGenericInstance) ?? target.ReturnType;

    /// <summary>The instruction consuming the address a ldloca pushes, in the same block.</summary>
    static Instruction? Consumer(Instruction producer, MethodDefinition method, ISet<Instruction> jumpTargets)
    {
        int depth = 0;
        for (var i = producer.Next; i is not null; i = i.Next)
        {
            if (jumpTargets.Contains(i)) return null;
            var (pops, pushes) = StackEffects.Of(i, method);
            if (pops > depth) return i.OpCode.Code == Code.Call && pops - 1 == depth ? i : null;
            if (i.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw) return null;
            depth = depth - pops + pushes;
        }
        return null;
    }
}
