using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Il;

/// <summary>What the rewriter can tell about the address operand of a memory access.</summary>
public enum AddressKind
{
    /// <summary>Provably inside managed storage (a local, argument, field, static or array element): never checked.</summary>
    Managed,
    /// <summary>A pointer or byref from somewhere the rewriter cannot see: checked.</summary>
    Pointer,
    /// <summary>Not an address at all (a struct value used with ldfld): must not be touched.</summary>
    Value,
}

/// <summary>
/// Finds the instruction that produced a stack operand by walking back inside the basic block with stack
/// accounting, and classifies the address it pushed. Crossing a branch target gives up (Pointer), which is
/// the safe answer for loads and stores; ldfld/stfld ask <see cref="ClassifyFieldInstance"/>, which gives up
/// to Value instead, because a struct value must not be treated as an address.
/// </summary>
public sealed class AddressProvenance(MethodDefinition method)
{
    readonly HashSet<Instruction> _blockStarts = ModuleTypes.BlockStarts(method.Body);

    /// <summary>A copy of <paramref name="original"/> put into the body later (loop versioning) starts a block where the original does.</summary>
    public void NoteCopy(Instruction copy, Instruction original)
    {
        if (_blockStarts.Contains(original)) _blockStarts.Add(copy);
    }

    public AddressKind Classify(Instruction consumer, int depthFromTop) =>
        Producer(consumer, depthFromTop) is { } p ? KindOf(p) : AddressKind.Pointer;

    public AddressKind ClassifyFieldInstance(Instruction consumer, int depthFromTop)
    {
        if (Producer(consumer, depthFromTop) is not { } p) return AddressKind.Value;
        var kind = KindOf(p);
        if (kind != AddressKind.Pointer) return kind;
        // KindOf says Pointer for anything it does not know; for a field access only clear pointer producers count.
        return IsPointerProducer(p) ? AddressKind.Pointer : AddressKind.Value;
    }

    /// <summary>
    /// The <c>dup</c> whose copy is the operand at <paramref name="depthFromTop"/>, when the operand came straight
    /// out of one inside this block (compound assignments: <c>p[i] += x</c> loads and stores one address).
    /// </summary>
    public Instruction? DupFeeding(Instruction consumer, int depthFromTop)
    {
        var current = consumer;
        int need = depthFromTop;
        while (true)
        {
            if (_blockStarts.Contains(current)) return null;
            var previous = current.Previous;
            if (previous is null || EndsBlock(previous)) return null;
            if (previous.OpCode.Code == Code.Dup) return need <= 1 ? previous : null;
            var (pops, pushes) = StackEffects.Of(previous, method);
            if (need < pushes) return null;
            need = need - pushes + pops;
            current = previous;
        }
    }

    /// <summary>
    /// Whether the operand is a GC-tracked reference (<c>&amp;</c>) rather than a raw pointer (<c>native int</c>, <c>T*</c>),
    /// from the type its producer pushes; pointer arithmetic keeps the kind of its left operand. Unknown: false.
    /// </summary>
    public bool IsReference(Instruction consumer, int depthFromTop)
    {
        var producer = Producer(consumer, depthFromTop);
        for (int hops = 0; producer is not null && hops < 8; hops++)
        {
            switch (producer.OpCode.Code)
            {
                case Code.Ldloca or Code.Ldloca_S or Code.Ldarga or Code.Ldarga_S or Code.Ldsflda or Code.Ldelema:
                    return true;
                case Code.Ldflda when IsClassField((FieldReference)producer.Operand):
                    return true;
                case Code.Ldflda:   // a struct's field is a reference or a pointer as its struct's address is
                    producer = Producer(producer, 0);
                    break;
                case Code.Add or Code.Sub:
                    producer = Producer(producer, 1);
                    break;
                default:
                    return PushedType(producer) is { } t && IsByReference(t);
            }
        }
        return false;
    }

    static bool IsByReference(TypeReference t) => t.IsByReference || t is IModifierType { ElementType: var e } && IsByReference(e)
        || t is PinnedType { ElementType: var p } && IsByReference(p);

    /// <summary>The instruction that pushed the operand <paramref name="depthFromTop"/> of <paramref name="consumer"/>, within its block.</summary>
    public Instruction? ProducerOf(Instruction consumer, int depthFromTop) => Producer(consumer, depthFromTop);

    Instruction? Producer(Instruction consumer, int need)
    {
        var current = consumer;
        while (true)
        {
            if (_blockStarts.Contains(current)) return null;
            var previous = current.Previous;
            if (previous is null || EndsBlock(previous)) return null;
            var (pops, pushes) = StackEffects.Of(previous, method);
            if (previous.OpCode.Code == Code.Dup)
            {
                if (need <= 1) need = 0;
                else need -= 1;
                current = previous;
                continue;
            }
            if (need < pushes) return previous;
            need = need - pushes + pops;
            current = previous;
        }
    }

    static bool EndsBlock(Instruction i) => i.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch
        or FlowControl.Return or FlowControl.Throw || i.OpCode.Code is Code.Endfinally or Code.Leave or Code.Leave_S or Code.Endfilter;

    AddressKind KindOf(Instruction producer) => producer.OpCode.Code switch
    {
        Code.Ldloca or Code.Ldloca_S or Code.Ldarga or Code.Ldarga_S or Code.Ldsflda or Code.Ldelema => AddressKind.Managed,
        // A field of a class lives inside a managed object; a field of a struct may be reached through a pointer.
        Code.Ldflda => IsClassField((FieldReference)producer.Operand) ? AddressKind.Managed : AddressKind.Pointer,
        _ => AddressKind.Pointer,
    };

    static bool IsClassField(FieldReference field)
    {
        try { return field.DeclaringType.Resolve() is { IsValueType: false }; }
        catch (AssemblyResolutionException) { return false; }
    }

    bool IsPointerProducer(Instruction p)
    {
        switch (p.OpCode.Code)
        {
            case Code.Add or Code.Sub or Code.Conv_U or Code.Conv_I or Code.Ldind_I or Code.Ldflda:
                return true;
            default:
                return PushedType(p) is { } t && IsAddressType(t);
        }
    }

    /// <summary>The declared type of what a local, argument, field load or call pushes; null for other instructions.</summary>
    TypeReference? PushedType(Instruction p) => p.OpCode.Code switch
    {
        Code.Ldloc or Code.Ldloc_S or Code.Ldloc_0 or Code.Ldloc_1 or Code.Ldloc_2 or Code.Ldloc_3 => LocalOf(p).VariableType,
        Code.Ldarg or Code.Ldarg_S or Code.Ldarg_0 or Code.Ldarg_1 or Code.Ldarg_2 or Code.Ldarg_3 => ArgumentType(p),
        Code.Ldfld or Code.Ldsfld => ((FieldReference)p.Operand).FieldType,
        Code.Call or Code.Callvirt => ((MethodReference)p.Operand).ReturnType,
        _ => null,
    };

    static bool IsAddressType(TypeReference t) => t.IsPointer || t.IsByReference || t.MetadataType is MetadataType.IntPtr or MetadataType.UIntPtr
        || t is RequiredModifierType { ElementType: var e } && IsAddressType(e);

    VariableDefinition LocalOf(Instruction i) => i.OpCode.Code switch
    {
        Code.Ldloc_0 => method.Body.Variables[0],
        Code.Ldloc_1 => method.Body.Variables[1],
        Code.Ldloc_2 => method.Body.Variables[2],
        Code.Ldloc_3 => method.Body.Variables[3],
        _ => (VariableDefinition)i.Operand,
    };

    TypeReference? ArgumentType(Instruction i)
    {
        int index = i.OpCode.Code switch
        {
            Code.Ldarg_0 => 0, Code.Ldarg_1 => 1, Code.Ldarg_2 => 2, Code.Ldarg_3 => 3,
            _ => ((ParameterDefinition)i.Operand).Index + (method.HasThis ? 1 : 0),
        };
        if (method.HasThis)
        {
            if (index == 0) return method.DeclaringType.IsValueType ? new ByReferenceType(method.DeclaringType) : method.DeclaringType;
            index--;
        }
        return index < method.Parameters.Count ? method.Parameters[index].ParameterType : null;
    }
}
