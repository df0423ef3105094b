using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// Read, Write; Atomic for Interlocked/Volatile (acquire/release on the location); Synchronization for the address
/// of a synchronisation primitive or of a variable a System.Threading helper initialises atomically (SpinLock.Enter on
/// a struct field, LazyInitializer.EnsureInitialized(ref field), an async iterator's ManualResetValueTaskSourceCore):
/// not a data access, the interceptor (or pass) creates the edges. None: the address is consumed without touching the
/// memory (a struct method that reads none of the struct's fields, a pop).
/// </summary>
public enum AddressUse { Read, Write, Atomic, Synchronization, None }

/// <summary>One member touched through an address: its path below the address (<see cref="StructMembers"/>) and how.</summary>
public readonly record struct MemberEffect(string Path, AddressUse Use);

/// <summary>
/// What code does with an address: the overall use, the instruction that consumes it, the members it touches (paths
/// relative to the address: "" for all of it, "X" for `ldflda; ldfld X`, the callee's members for a call), and — when
/// the consumer is a <c>ret</c> — the paths whose address is handed back to the caller.
/// </summary>
public sealed record AddressAccess(AddressUse Use, Instruction? Consumer, IReadOnlyList<MemberEffect> Members, IReadOnlyList<string> Returned)
{
    public static AddressAccess Single(AddressUse use, Instruction? consumer, string path) =>
        new(use, consumer, use is AddressUse.None or AddressUse.Synchronization ? [] : [new MemberEffect(path, use)], []);
}

/// <summary>
/// What the code does with an address taken by <c>ldflda</c>/<c>ldsflda</c>/<c>ldelema</c> (or a by-reference
/// argument, in <see cref="ByrefEffects"/>): finds the instruction that consumes it (forward, within straight-line
/// code, by stack depth; through <c>ldflda</c>s of members, which it records as the path) and classifies it as a read,
/// a write, or an atomic operation (Interlocked, Volatile). A call is classified by what the callee does with that
/// argument (<see cref="ByrefEffects"/>): a struct method that only reads its fields is a read of them. When the
/// consumer cannot be found the use counts as a read.
/// </summary>
public static class AccessUse
{
    public static (AddressUse Use, Instruction? Consumer) Of(Instruction address, MethodDefinition method, HashSet<Instruction> branchTargets)
    {
        var access = Describe(address, method, branchTargets);
        return (access.Use, access.Consumer);
    }

    public static AddressAccess Describe(Instruction address, MethodDefinition method, HashSet<Instruction> blockStarts) =>
        Describe(address, method, blockStarts, ByrefEffects.For(method.Module), 0);

    static AddressAccess Describe(Instruction address, MethodDefinition method, HashSet<Instruction> blockStarts, ByrefEffects effects, int level)
    {
        var context = GenericContext.Open;
        int stackDepth = 1;
        string path = "";
        var target = PointeeType(address, method, context);
        for (var i = address.Next; i is not null; i = i.Next)
        {
            if (blockStarts.Contains(i)) break;
            if (i.OpCode.OpCodeType == OpCodeType.Prefix) continue;
            // `a[i] += x` / `s.f.x++`: dup of the address, ldind/ldfld through the top copy, stind/stfld through the
            // one below. Follow the lower copy: its consumer decides (a read-modify-write is a write).
            if (i.OpCode.Code == Code.Dup && stackDepth == 1) { stackDepth = 2; continue; }
            // `a[i].X += 1`, `a[i].P.X = 1`: ldflda of a member of the struct at our address; its use is ours.
            if (i.OpCode.Code == Code.Ldflda && stackDepth == 1)
            {
                var member = (FieldReference)i.Operand;
                path = StructMembers.Join(path, member.Name);
                target = context.Substitute(FieldTypeAsSeen(member));
                continue;
            }
            var (pops, pushes) = StackEffects.Of(i, method);
            if (pops >= stackDepth)
            {
                var access = Classify(i, stackDepth, pops, path, target, method, context, effects, level);
                return i.OpCode.FlowControl == FlowControl.Call && access.Returned.Count > 0 && level < ByrefEffects.MaxDepth
                    ? ThroughReturnedReference(access, method, blockStarts, effects, level) : access;
            }
            stackDepth += pushes - pops;
            if (i.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw) break;
        }
        return AddressAccess.Single(AddressUse.Read, null, path);
    }

    /// <summary>A call that hands back a reference into the argument (`ref T Slot()`): what the caller does with it counts too.</summary>
    static AddressAccess ThroughReturnedReference(AddressAccess call, MethodDefinition method, HashSet<Instruction> blockStarts, ByrefEffects effects, int level)
    {
        var onward = Describe(call.Consumer!, method, blockStarts, effects, level + 1);
        var members = call.Members.Concat(call.Returned.SelectMany(prefix =>
            onward.Members.Select(m => m with { Path = StructMembers.Join(prefix, m.Path) }))).ToList();
        return new AddressAccess(Overall(members), call.Consumer, members, []);
    }

    /// <summary>
    /// What <paramref name="consumer"/> does with an address that sits <paramref name="depth"/> slots below the top of
    /// the stack it pops (<paramref name="pops"/> slots), the address being <paramref name="path"/> below the tracked
    /// location. For a call, <see cref="AddressAccess.Returned"/> lists the paths the call's result points into; for a
    /// <c>ret</c>, the paths handed back to the caller.
    /// </summary>
    internal static AddressAccess Classify(Instruction consumer, int depth, int pops, string path, TypeReference? target, MethodDefinition method,
        GenericContext context, ByrefEffects effects, int level)
    {
        switch (consumer.OpCode.Code)
        {
            case Code.Ldfld:
                return AddressAccess.Single(AddressUse.Read, consumer, StructMembers.Join(path, ((FieldReference)consumer.Operand).Name));
            case Code.Stfld:   // the address is the target object, not the value
                return depth == 2
                    ? AddressAccess.Single(AddressUse.Write, consumer, StructMembers.Join(path, ((FieldReference)consumer.Operand).Name))
                    : Escaped(consumer, path, level);
            case Code.Stobj: case Code.Initobj: case Code.Cpobj: case Code.Initblk: case Code.Cpblk:
            case Code.Stind_I: case Code.Stind_I1: case Code.Stind_I2: case Code.Stind_I4: case Code.Stind_I8:
            case Code.Stind_R4: case Code.Stind_R8: case Code.Stind_Ref:
                if (depth == pops) return AddressAccess.Single(AddressUse.Write, consumer, path);
                return consumer.OpCode.Code is Code.Cpobj or Code.Cpblk ? AddressAccess.Single(AddressUse.Read, consumer, path) : Escaped(consumer, path, level);
            case Code.Mkrefany:
                return Escaped(consumer, path, level);
            case Code.Newobj:   // e.g. new Span<T>(ref field): what the constructor does with that parameter
                if (StructMembers.IsSynchronization(target)) return AddressAccess.Single(AddressUse.Synchronization, consumer, path);
                var constructed = effects.OfArgument(consumer, (MethodReference)consumer.Operand, pops - depth + 1, context, level + 1);
                var written = constructed.Members.Select(m => m with { Path = StructMembers.Join(path, m.Path) }).ToList();
                return new AddressAccess(Overall(written), consumer, written, []);
            case Code.Pop:
                return AddressAccess.Single(AddressUse.None, consumer, path);
            case Code.Ret:
                return new AddressAccess(AddressUse.Read, consumer, [new MemberEffect(path, AddressUse.Read)], [path]);
            case Code.Call: case Code.Callvirt:
                var callee = (MethodReference)consumer.Operand;
                string type = callee.DeclaringType.FullName;
                if (IsAtomicApi(type)) return AddressAccess.Single(AddressUse.Atomic, consumer, path);
                // System.Threading.Tasks.Sources: ManualResetValueTaskSourceCore (an async iterator's promise) synchronises
                // internally; ValueTaskSourcePass adds its edges. A SpinLock reached through `ref` (an extension method
                // Enter(ref this SpinLock), a helper's `ref SpinLock` parameter) is a lock whoever receives it.
                if (callee.DeclaringType.Namespace is "System.Threading" or "System.Threading.Tasks.Sources"
                    || type.StartsWith("System.Threading.SpinLock", StringComparison.Ordinal) || StructMembers.IsSynchronization(target))
                    return AddressAccess.Single(AddressUse.Synchronization, consumer, path);
                int argument = pops - depth;   // 0 = first argument (or `this`)
                if (IsAtomicOnlyArgument(callee, argument)) return AddressAccess.Single(AddressUse.Atomic, consumer, path);
                var summary = effects.OfArgument(consumer, callee, argument, context, level + 1);
                var members = summary.Members.Select(m => m with { Path = StructMembers.Join(path, m.Path) }).ToList();
                return new AddressAccess(Overall(members), consumer, members, summary.Returned.Select(r => StructMembers.Join(path, r)).ToList());
            default:
                return AddressAccess.Single(AddressUse.Read, consumer, path);
        }
    }

    /// <summary>
    /// The address itself is stored (into a ref field, through a pointer) or wrapped (a TypedReference): inside a callee
    /// whatever holds it may write through it later, anywhere around it, so the argument counts as written; in the checked method's own
    /// code such an address is a read, as it always was (its later uses are checked where they happen, if at all).
    /// </summary>
    static AddressAccess Escaped(Instruction consumer, string path, int level) =>
        level > 0 ? AddressAccess.Single(AddressUse.Write, consumer, StructMembers.Anywhere) : AddressAccess.Single(AddressUse.Read, consumer, path);

    /// <summary>Write if any member is written, else Read if any is read or updated atomically (a plain check), else None.</summary>
    internal static AddressUse Overall(IReadOnlyList<MemberEffect> members) =>
        members.Any(m => m.Use == AddressUse.Write) ? AddressUse.Write
        : members.Any(m => m.Use == AddressUse.Read) ? AddressUse.Read
        : AddressUse.None;

    /// <summary>The type stored at the address an instruction produces (for recognising synchronisation structs).</summary>
    internal static TypeReference? PointeeType(Instruction address, MethodDefinition method, GenericContext context)
    {
        TypeReference? type = address.OpCode.Code switch
        {
            Code.Ldflda or Code.Ldsflda => FieldTypeAsSeen((FieldReference)address.Operand),
            Code.Ldelema => (TypeReference)address.Operand,
            Code.Call or Code.Callvirt => ((MethodReference)address.Operand).ReturnType,
            _ when LoadedParameter(address, method) is { } p => p == method.Body.ThisParameter ? method.DeclaringType : p.ParameterType,
            _ when LoadedLocal(address, method) is { } l => l.VariableType,
            _ => null,
        };
        if (type is ByReferenceType byReference) type = byReference.ElementType;
        return type is null ? null : context.Substitute(type);
    }

    /// <summary>The field's type as the accessing code sees it (a generic instance's type arguments substituted).</summary>
    internal static TypeReference FieldTypeAsSeen(FieldReference field)
    {
        var type = field.FieldType is RequiredModifierType r ? r.ElementType : field.FieldType;
        return field.DeclaringType is GenericInstanceType git ? GenericSubstitution.Apply(type, git.GenericArguments) : type;
    }

    /// <summary>Types whose methods read-modify-write a `ref` location atomically (ImmutableInterlocked is built on Interlocked).</summary>
    public static bool IsAtomicApi(string typeFullName) =>
        typeFullName is "System.Threading.Interlocked" or "System.Threading.Volatile" or "System.Collections.Immutable.ImmutableInterlocked";

    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MethodDefinition, Dictionary<int, bool>> s_atomicOnly = new();
    [ThreadStatic] static int t_depth;

    /// <summary>
    /// A `ref` parameter of a method in checked code that only ever hands its address to Interlocked/Volatile (directly
    /// or through another such helper): the caller's `ref obj.field` is then an atomic access, not a plain write.
    /// </summary>
    static bool IsAtomicOnlyArgument(MethodReference method, int argument)
    {
        var definition = method.TryResolve();
        if (definition is null || !definition.HasBody || definition.Module != method.Module) return false;
        int index = argument - (method.HasThis ? 1 : 0);
        // `this` of a struct's method is the address of the struct (a field's, when called as obj.flags.Set()).
        bool structThis = index == -1 && definition.HasThis && definition.DeclaringType.IsValueType;
        if (!structThis && (index < 0 || index >= definition.Parameters.Count || !definition.Parameters[index].ParameterType.IsByReference)) return false;
        var known = s_atomicOnly.GetOrCreateValue(definition);
        lock (known)
            if (known.TryGetValue(index, out bool cached)) return cached;
        if (t_depth > 3) return false;   // helpers calling helpers: give up (a plain write is the safe answer)
        t_depth++;
        try
        {
            bool atomicOnly = UsesOnlyAtomically(definition, structThis ? definition.Body.ThisParameter : definition.Parameters[index]);
            lock (known) known[index] = atomicOnly;
            return atomicOnly;
        }
        finally
        {
            t_depth--;
        }
    }

    /// <summary>
    /// The address is handed to atomic operations at least once and otherwise only read: the lock-free update loop
    /// (`int old = location; … Interlocked.CompareExchange(ref location, new, old)`). A plain read of an atomic
    /// location races with nothing by default (report_atomic_races=1), so the location counts as atomic.
    /// </summary>
    static bool UsesOnlyAtomically(MethodDefinition method, ParameterDefinition parameter)
    {
        var blockStarts = ModuleTypes.BlockStarts(method.Body);
        int atomic = 0;
        foreach (var i in method.Body.Instructions)
        {
            if (i.OpCode.Code is Code.Ldarga or Code.Ldarga_S or Code.Starg or Code.Starg_S && i.Operand == parameter) return false;
            if (LoadedParameter(i, method) != parameter) continue;
            switch (Of(i, method, blockStarts).Use)
            {
                case AddressUse.Atomic: atomic++; break;
                case AddressUse.Read: break;
                default: return false;
            }
        }
        return atomic > 0;
    }

    static ParameterDefinition? LoadedParameter(Instruction i, MethodDefinition method)
    {
        int offset = method.HasThis ? 1 : 0;
        int n = i.OpCode.Code switch
        {
            Code.Ldarg_0 => 0, Code.Ldarg_1 => 1, Code.Ldarg_2 => 2, Code.Ldarg_3 => 3,
            Code.Ldarg or Code.Ldarg_S => ((ParameterDefinition)i.Operand).Sequence,
            _ => -1,
        };
        if (n == 0 && method.HasThis) return method.Body.ThisParameter;
        n -= offset;
        return n >= 0 && n < method.Parameters.Count ? method.Parameters[n] : null;
    }

    internal static ParameterDefinition? LoadedParameterOf(Instruction i, MethodDefinition method) => LoadedParameter(i, method);

    internal static VariableDefinition? LoadedLocal(Instruction i, MethodDefinition method) => i.OpCode.Code switch
    {
        Code.Ldloc_0 => Local(method, 0), Code.Ldloc_1 => Local(method, 1), Code.Ldloc_2 => Local(method, 2), Code.Ldloc_3 => Local(method, 3),
        Code.Ldloc or Code.Ldloc_S => i.Operand as VariableDefinition,
        _ => null,
    };

    internal static VariableDefinition? StoredLocal(Instruction i, MethodDefinition method) => i.OpCode.Code switch
    {
        Code.Stloc_0 => Local(method, 0), Code.Stloc_1 => Local(method, 1), Code.Stloc_2 => Local(method, 2), Code.Stloc_3 => Local(method, 3),
        Code.Stloc or Code.Stloc_S => i.Operand as VariableDefinition,
        _ => null,
    };

    static VariableDefinition? Local(MethodDefinition method, int index) => index < method.Body.Variables.Count ? method.Body.Variables[index] : null;
}
