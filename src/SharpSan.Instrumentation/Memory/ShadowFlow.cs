using System.Collections.Immutable;
using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Memory;

/// <summary>
/// One evaluation-stack slot: its kind, whether it may be undefined, and where an address in it provably points.
/// <paramref name="LocalAddress"/>: a local or argument of this frame. <paramref name="ManagedAddress"/>: managed memory
/// whose definedness is not in the native shadow (an array element, a field of a class without a shadow, a static
/// field, a boxed value): loads through it read defined values and stores through it record nothing.
/// <paramref name="Element"/>: exactly the element a followed <c>ldelema</c> (<see cref="ElementReferences"/>) took,
/// whose loads and stores go to the array's own shadow. <paramref name="StructField"/>: exactly the struct field of an
/// object a followed <c>ldflda</c> (<see cref="StructFieldReferences"/>) took, whose parts' shadow is in its companion.
/// </summary>
public readonly record struct Slot(ValueKind Kind, bool Tainted = false, bool LocalAddress = false, bool ManagedAddress = false, Instruction? Element = null,
    Instruction? StructField = null)
{
    /// <summary>The address has no native shadow behind it: the frame or managed memory.</summary>
    public bool OffNativeShadow => LocalAddress || ManagedAddress;

    public static Slot Merge(Slot a, Slot b) => new(
        a.Kind == b.Kind ? a.Kind : ValueKinds.IsScalar(a.Kind) && ValueKinds.IsScalar(b.Kind) && a.Kind != ValueKind.Float && b.Kind != ValueKind.Float ? ValueKind.NativeInt : ValueKind.Unknown,
        a.Tainted || b.Tainted,
        a.LocalAddress && b.LocalAddress,
        a.OffNativeShadow && b.OffNativeShadow && !(a.LocalAddress && b.LocalAddress),
        a.Element == b.Element ? a.Element : null,
        a.StructField == b.StructField ? a.StructField : null);
}

/// <summary>
/// Forward dataflow over one body: the evaluation stack before each reachable instruction, slot by slot, and which
/// IL locals may hold an undefined value. A value may be undefined ("tainted") when it was loaded through a pointer,
/// read from a tainted local, or computed from a tainted operand; everything else (constants, arguments, fields and
/// array elements of managed objects, call results) is defined, so code that never loads through a pointer needs no
/// shadow at all.
/// </summary>
public sealed class ShadowFlow
{
    public Dictionary<Instruction, ImmutableArray<Slot>> Before { get; } = [];

    /// <summary>IL locals that may hold an undefined value: they get a shadow local.</summary>
    public HashSet<int> TaintedLocals { get; } = [];

    /// <summary>Stack depths where a tainted value meets others at a branch target: every producer at such a depth writes its shadow.</summary>
    public HashSet<int> JoinDepths { get; } = [];

    readonly MethodDefinition _method;
    readonly Func<FieldReference, bool> _shadowedField;
    readonly Func<FieldReference, bool> _shadowedStructField;
    readonly StructLocals _structLocals;
    readonly HashSet<Instruction> _jumpTargets;

    /// <summary>Element addresses whose loads and stores use the array's shadow (no escape): see <see cref="ElementReferences"/>.</summary>
    public HashSet<Instruction> FollowedElements { get; }

    /// <summary>Struct-field addresses whose uses read and write the field's companion: see <see cref="StructFieldReferences"/>.</summary>
    public HashSet<Instruction> FollowedStructFields { get; }

    /// <summary>Span locals over whole arrays whose element accesses use the array's shadow: see <see cref="ArrayViews"/>.</summary>
    public ArrayViews Views { get; }

    /// <summary>Part addresses (<c>ldflda X</c>) taken from a followed struct-field address → that address's ldflda.</summary>
    public Dictionary<Instruction, Instruction> StructFieldParts { get; }

    /// <param name="shadowedField">Fields of managed objects that carry a shadow (<see cref="FieldShadows"/>): their loads may be undefined.</param>
    /// <param name="structLocals">Struct locals with a shadow: <c>local.F</c> of one may be undefined.</param>
    /// <param name="shadowedStructField">Struct-typed fields of objects with a companion: <c>obj.S.X</c> may be undefined.</param>
    public ShadowFlow(MethodDefinition method, Func<FieldReference, bool>? shadowedField = null, StructLocals? structLocals = null,
        Func<FieldReference, bool>? shadowedStructField = null)
    {
        _method = method;
        _shadowedField = shadowedField ?? (_ => false);
        _shadowedStructField = shadowedStructField ?? (_ => false);
        _structLocals = structLocals ?? StructLocals.None;
        _jumpTargets = method.Body.Instructions.SelectMany(BranchTargets)
            .Concat(method.Body.ExceptionHandlers.SelectMany(h => new[] { h.HandlerStart, h.FilterStart, h.TryStart }).OfType<Instruction>()).ToHashSet();
        FollowedElements = ElementReferences.Followed(method, _jumpTargets);
        (FollowedStructFields, StructFieldParts) = StructFieldReferences.Followed(method, _jumpTargets);
        Views = ArrayViews.Of(method, _jumpTargets);
        for (int round = 0; round < 8; round++)
        {
            int locals = TaintedLocals.Count;
            Before.Clear();
            Run();
            if (TaintedLocals.Count == locals) break;
        }
        var targets = method.Body.Instructions.SelectMany(BranchTargets).ToHashSet();
        foreach (var target in targets)
            if (Before.TryGetValue(target, out var stack))
                for (int d = 0; d < stack.Length; d++)
                    if (stack[d].Tainted) JoinDepths.Add(d);
    }

    void Run()
    {
        var body = _method.Body;
        var work = new Stack<Instruction>();
        void Flow(Instruction target, ImmutableArray<Slot> stack)
        {
            if (Before.TryGetValue(target, out var existing))
            {
                if (existing.Length != stack.Length) throw new InvalidOperationException($"stack depth {existing.Length} vs {stack.Length} at IL_{target.Offset:x4}");
                var merged = existing.Zip(stack, Slot.Merge).ToImmutableArray();
                if (merged.SequenceEqual(existing)) return;
                Before[target] = merged;
            }
            else
            {
                Before[target] = stack;
            }
            work.Push(target);
        }
        if (body.Instructions.Count == 0) return;
        Flow(body.Instructions[0], []);
        foreach (var handler in body.ExceptionHandlers)
        {
            bool catches = handler.HandlerType is ExceptionHandlerType.Catch or ExceptionHandlerType.Filter;
            Flow(handler.HandlerStart, catches ? [new Slot(ValueKind.Object)] : []);
            if (handler.FilterStart is { } filter) Flow(filter, [new Slot(ValueKind.Object)]);
        }
        while (work.Count > 0)
        {
            var i = work.Pop();
            var after = Step(i, Before[i]);
            var flow = i.OpCode.FlowControl;
            if (i.OpCode.Code is Code.Leave or Code.Leave_S)
            {
                Flow((Instruction)i.Operand, []);
                continue;
            }
            foreach (var t in BranchTargets(i)) Flow(t, after);
            bool fallsThrough = flow is not (FlowControl.Branch or FlowControl.Return or FlowControl.Throw) && i.OpCode.Code is not (Code.Endfinally or Code.Jmp);
            if (fallsThrough && i.Next is { } next) Flow(next, after);
        }
    }

    static IEnumerable<Instruction> BranchTargets(Instruction i) => i.Operand switch
    {
        Instruction t when i.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch => [t],
        Instruction[] ts => ts,
        _ => [],
    };

    /// <summary>The slot <paramref name="i"/> pushes (its stack before must be known).</summary>
    public Slot Pushed(Instruction i)
    {
        var before = Before[i];
        var (pops, _) = StackEffects.Of(i, _method);
        if (i.OpCode.Code == Code.Dup) return before[^1];
        return Produce(i, before.Skip(before.Length - pops).ToArray());
    }

    ImmutableArray<Slot> Step(Instruction i, ImmutableArray<Slot> before)
    {
        var (pops, pushes) = StackEffects.Of(i, _method);
        if (i.OpCode.Code == Code.Dup) return before.Add(before[^1]);
        if (pops > before.Length) throw new InvalidOperationException($"stack underflow at IL_{i.Offset:x4}");
        var operands = before.RemoveRange(before.Length - pops, pops);
        var popped = before.Skip(before.Length - pops).ToArray();
        if (i.OpCode.Code is Code.Stloc && popped[0].Tainted) TaintedLocals.Add(((VariableDefinition)i.Operand).Index);
        if (SkippedLocal(i, _method) is { } skipped) TaintedLocals.Add(skipped.Index);
        if (pushes == 0) return operands;
        return operands.Add(Produce(i, popped));
    }

    Slot Produce(Instruction i, Slot[] popped)
    {
        Slot A() => popped[0];
        Slot B() => popped[1];
        switch (i.OpCode.Code)
        {
            case Code.Ldc_I4: return new(ValueKind.Int32);
            case Code.Ldc_I8: return new(ValueKind.Int64);
            case Code.Ldc_R4 or Code.Ldc_R8: return new(ValueKind.Float);
            case Code.Ldnull or Code.Ldstr: return new(ValueKind.Object);
            case Code.Ldarg:
                var p = (ParameterDefinition)i.Operand;
                return new(p.Index < 0 || p == _method.Body.ThisParameter ? (_method.DeclaringType.IsValueType ? ValueKind.ByRef : ValueKind.Object) : ValueKinds.Of(p.ParameterType));
            case Code.Ldloc when Views.RefItems.ContainsKey(i): return new(ValueKind.ByRef, ManagedAddress: true, Element: i);
            case Code.Ldloc:
                var v = (VariableDefinition)i.Operand;
                return new(ValueKinds.Of(v.VariableType), TaintedLocals.Contains(v.Index) && ValueKinds.IsScalar(ValueKinds.Of(v.VariableType)));
            case Code.Ldloca or Code.Ldarga: return new(ValueKind.ByRef, LocalAddress: true);
            // A field of an object: managed memory (a field with a shadow is handled as the field itself, FieldShadows).
            // A struct field with a companion: managed memory whose parts' shadow a followed address finds in the companion.
            case Code.Ldflda when A().Kind == ValueKind.Object && _shadowedStructField((FieldReference)i.Operand):
                return new(ValueKind.ByRef, ManagedAddress: true, StructField: FollowedStructFields.Contains(i) ? i : null);
            case Code.Ldflda when A().Kind == ValueKind.Object: return new(ValueKind.ByRef, ManagedAddress: !_shadowedField((FieldReference)i.Operand));
            case Code.Ldflda when A().StructField is { } whole && StructFieldParts.TryGetValue(i, out var outer) && outer == whole:
                return new(ValueKind.ByRef, ManagedAddress: true, StructField: i);
            case Code.Ldflda: return new(ValueKind.ByRef, LocalAddress: A().LocalAddress, ManagedAddress: A().ManagedAddress);
            case Code.Ldsflda: return new(ValueKind.ByRef, ManagedAddress: !_shadowedField((FieldReference)i.Operand));
            case Code.Ldelema: return new(ValueKind.ByRef, ManagedAddress: true, Element: FollowedElements.Contains(i) ? i : null);
            case Code.Unbox: return new(ValueKind.ByRef, ManagedAddress: true);
            case Code.Refanyval: return new(ValueKind.ByRef);
            case Code.Ldind_I1 or Code.Ldind_U1 or Code.Ldind_I2 or Code.Ldind_U2 or Code.Ldind_I4 or Code.Ldind_U4:
                return new(ValueKind.Int32, LoadMayBeUndefined(A()));
            case Code.Ldind_I8: return new(ValueKind.Int64, LoadMayBeUndefined(A()));
            case Code.Ldind_I: return new(ValueKind.NativeInt, LoadMayBeUndefined(A()));
            case Code.Ldind_R4 or Code.Ldind_R8: return new(ValueKind.Float, LoadMayBeUndefined(A()));
            case Code.Ldind_Ref: return new(ValueKind.Object);
            case Code.Ldobj:
                var loaded = (TypeReference)i.Operand;
                var kind = ValueKinds.Of(loaded);
                return new(kind, LoadMayBeUndefined(A()) && ValueKinds.IsScalar(kind) && ValueKinds.SizeOf(loaded) is not null);
            case Code.Ldfld:
                var field = (FieldReference)i.Operand;
                var fieldKind = ValueKinds.Of(field.FieldType);
                bool throughPointer = A().Kind is ValueKind.NativeInt or ValueKind.ByRef && !A().OffNativeShadow;
                return new(fieldKind, throughPointer && ValueKinds.IsScalar(fieldKind) && ValueKinds.SizeOf(field.FieldType) is not null && IsByRefOrPointerLoad(A())
                    || _shadowedField(field) || _structLocals.FieldReadLocal(i, _jumpTargets.Contains) is not null
                    || A().StructField is { } structField && FollowedStructFields.Contains(structField) && ValueKinds.IsScalar(fieldKind));
            case Code.Ldsfld:
                var staticField = (FieldReference)i.Operand;
                return new(ValueKinds.Of(staticField.FieldType), _shadowedField(staticField));
            case Code.Add or Code.Sub or Code.Mul or Code.Div or Code.Div_Un or Code.Rem or Code.Rem_Un or Code.And or Code.Or or Code.Xor
                or Code.Add_Ovf or Code.Add_Ovf_Un or Code.Sub_Ovf or Code.Sub_Ovf_Un or Code.Mul_Ovf or Code.Mul_Ovf_Un:
                return Binary(A(), B());
            case Code.Shl or Code.Shr or Code.Shr_Un: return new(A().Kind, (A().Tainted || B().Tainted) && ValueKinds.IsScalar(A().Kind));
            case Code.Neg or Code.Not or Code.Ckfinite: return A();
            case Code.Conv_I1 or Code.Conv_U1 or Code.Conv_I2 or Code.Conv_U2 or Code.Conv_I4 or Code.Conv_U4
                or Code.Conv_Ovf_I1 or Code.Conv_Ovf_U1 or Code.Conv_Ovf_I2 or Code.Conv_Ovf_U2 or Code.Conv_Ovf_I4 or Code.Conv_Ovf_U4
                or Code.Conv_Ovf_I1_Un or Code.Conv_Ovf_U1_Un or Code.Conv_Ovf_I2_Un or Code.Conv_Ovf_U2_Un or Code.Conv_Ovf_I4_Un or Code.Conv_Ovf_U4_Un:
                return new(ValueKind.Int32, A().Tainted);
            case Code.Conv_I8 or Code.Conv_U8 or Code.Conv_Ovf_I8 or Code.Conv_Ovf_U8 or Code.Conv_Ovf_I8_Un or Code.Conv_Ovf_U8_Un:
                return new(ValueKind.Int64, A().Tainted);
            case Code.Conv_I or Code.Conv_U or Code.Conv_Ovf_I or Code.Conv_Ovf_U or Code.Conv_Ovf_I_Un or Code.Conv_Ovf_U_Un:
                return new(ValueKind.NativeInt, A().Tainted, A().LocalAddress, A().ManagedAddress);
            case Code.Conv_R4 or Code.Conv_R8 or Code.Conv_R_Un: return new(ValueKind.Float, A().Tainted);
            case Code.Ceq or Code.Cgt or Code.Cgt_Un or Code.Clt or Code.Clt_Un: return new(ValueKind.Int32, A().Tainted || B().Tainted);
            case Code.Call when Views.Items.ContainsKey(i): return new(ValueKind.ByRef, ManagedAddress: true, Element: i);
            case Code.Call or Code.Callvirt or Code.Calli:
                if (MemoryCall.Of(i) is { IsStore: false } read)
                {
                    var readKind = ValueKinds.Of(read.Type);
                    return new(readKind, !A().OffNativeShadow && ValueKinds.IsScalar(readKind) && ValueKinds.SizeOf(read.Type) is not null);
                }
                return new(ValueKinds.Of(((IMethodSignature)i.Operand).ReturnType));
            case Code.Newobj: return new(ValueKinds.Of(((MethodReference)i.Operand).DeclaringType));
            case Code.Unbox_Any: return new(ValueKinds.Of((TypeReference)i.Operand));
            case Code.Box or Code.Isinst or Code.Castclass or Code.Newarr: return new(ValueKind.Object);
            case Code.Ldlen or Code.Ldftn or Code.Ldvirtftn or Code.Localloc: return new(ValueKind.NativeInt);
            case Code.Sizeof: return new(ValueKind.Int32);
            // Elements of rented and uninitialised arrays have a shadow (RentedArrays); every other array's read as 0.
            case Code.Ldelem_I1 or Code.Ldelem_U1 or Code.Ldelem_I2 or Code.Ldelem_U2 or Code.Ldelem_I4 or Code.Ldelem_U4: return new(ValueKind.Int32, true);
            case Code.Ldelem_I8: return new(ValueKind.Int64, true);
            case Code.Ldelem_I: return new(ValueKind.NativeInt, true);
            case Code.Ldelem_R4 or Code.Ldelem_R8: return new(ValueKind.Float, true);
            case Code.Ldelem_Ref: return new(ValueKind.Object);
            case Code.Ldelem_Any:
                var element = (TypeReference)i.Operand;
                return new(ValueKinds.Of(element), ValueKinds.IsScalar(ValueKinds.Of(element)) && ValueKinds.SizeOf(element) is not null);
            default: return new(ValueKind.Unknown);
        }
    }

    /// <summary>
    /// The scalar local whose address <paramref name="i"/> (ldloca) hands to <c>Unsafe.SkipInit</c> in a method without
    /// localsinit: its value is whatever the frame held, undefined.
    /// </summary>
    public static VariableDefinition? SkippedLocal(Instruction i, MethodDefinition method)
    {
        if (i.OpCode.Code != Code.Ldloca || method.Body.InitLocals) return null;
        if (i.Next is not { OpCode.Code: Code.Call, Operand: MethodReference { Name: "SkipInit" } call }
            || call.DeclaringType.FullName != "System.Runtime.CompilerServices.Unsafe") return null;
        var local = (VariableDefinition)i.Operand;
        return ValueKinds.IsScalar(ValueKinds.Of(local.VariableType)) && ValueKinds.SizeOf(local.VariableType) is not null ? local : null;
    }

    /// <summary>A load through this address may read an undefined value: native memory, a followed element (the array's shadow), a followed struct field's part (its companion).</summary>
    static bool LoadMayBeUndefined(Slot address) => address.Element is not null || address.StructField is not null || !address.OffNativeShadow;

    static bool IsByRefOrPointerLoad(Slot address) => address.Kind is ValueKind.NativeInt or ValueKind.ByRef;

    static Slot Binary(Slot a, Slot b)
    {
        ValueKind kind = a.Kind == ValueKind.ByRef || b.Kind == ValueKind.ByRef ? ValueKind.ByRef
            : a.Kind == ValueKind.NativeInt || b.Kind == ValueKind.NativeInt ? ValueKind.NativeInt
            : a.Kind == ValueKind.Int64 || b.Kind == ValueKind.Int64 ? ValueKind.Int64
            : a.Kind == ValueKind.Float || b.Kind == ValueKind.Float ? ValueKind.Float
            : a.Kind == ValueKind.Int32 && b.Kind == ValueKind.Int32 ? ValueKind.Int32 : ValueKind.Unknown;
        // Pointer arithmetic on a local's address stays a local's address (p = &x + 1 still points into the frame); a managed
        // address plus a defined offset stays in its object (the difference of two managed addresses is no address).
        bool address = kind is ValueKind.ByRef or ValueKind.NativeInt;
        return new(kind, (a.Tainted || b.Tainted) && ValueKinds.IsScalar(kind), a.LocalAddress && address, (a.ManagedAddress ^ b.ManagedAddress) && address && !a.Tainted && !b.Tainted);
    }
}
