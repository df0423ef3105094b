using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Passes;

/// <summary>
/// Shadow checks on array elements of unmanaged types, so that pooled arrays — which the checking pool allocates
/// on the pinned object heap and poisons past the requested length and after Return — are checked like native
/// memory. Ordinary arrays have clean shadow, so for them the check is a shadow load and a compare that passes.
/// <code>
///   ldelem.X            →  ldelema T; dup; conv.u; site; call LoadN;  ldind.X
///   stelem.X  (v)       →  stloc v; ldelema T; dup; conv.u; site; call StoreN; ldloc v; stind.X
///   ldelem/stelem T     →  the same with ldobj/stobj T
///   ldelema T           →  ldelema T; dup; conv.u; site; call LoadN   (a compound assignment reads first)
///   ldelem T  (T maybe a reference type)  →  readonly. ldelema T; dup; check; ldobj T
///   stelem T  (T maybe a reference type)  →  stloc v; stloc i; dup; ldloc i; readonly. ldelema T; check; ldloc i; ldloc v; stelem T
/// </code>
/// ldelema on a value type has no covariance check, so replacing ldelem by ldelema+ldind costs one bounds check,
/// as before; for a T that may be a reference type the original covariance rules are kept as shown. Element types
/// are judged by <see cref="PoolElementKinds"/>, the same way for every shape the CLR allows (generic instances
/// seen through their instantiation, generic parameters, enums, nested structs): those the checking pool never
/// shadows (references, structs holding references) are not checked. The redirection of ArrayPool.Shared/Create
/// is done by the interception pass ([Intercepts]).
/// </summary>
/// <param name="recover">Use the returning (…Recover) checks, as <see cref="MemoryAccessPass"/> does.</param>
public sealed class PoolPass(bool recover = false) : IInstrumentationPass
{
    const string Checks = "SharpSan.Runtime.Address.AddressChecks";
    const string Capacity = "SharpSan.Runtime.Address.Pools.PoolCapacity";
    readonly string _suffix = recover ? "Recover" : "";

    public string Name => "pool";

    bool _moduleUsesPools;
    PoolElementKinds _kinds = new();

    /// <summary>
    /// Element checks and capacity claims cost every array access (about 3× on array-heavy code), so they go only
    /// into modules that use ArrayPool/MemoryPool themselves: those are the ones that rent, fill and read pooled
    /// arrays. A module that never mentions a pool gets no array instrumentation (its accesses to arrays rented
    /// elsewhere are not checked — a documented gap).
    /// </summary>
    public void Prepare(IReadOnlyList<MethodContext> methods)
    {
        _moduleUsesPools = methods.Count > 0 && methods[0].Method.Module.GetTypeReferences()
            .Any(t => t.FullName is "System.Buffers.ArrayPool`1" or "System.Buffers.MemoryPool`1");
        _kinds = new PoolElementKinds();
    }

    public void Run(MethodContext ctx)
    {
        if (!_moduleUsesPools) return;
        var types = ctx.Method.Module.TypeSystem;
        var (guarded, proven) = GuardLoops(ctx, types);
        foreach (var instruction in ctx.Method.Body.Instructions.ToArray())
        {
            if (ctx.Editor.Inserted.Contains(instruction) || proven.Contains(instruction)) continue;
            if (instruction.OpCode.Code == Code.Ldlen)
            {
                ClaimCapacity(ctx, instruction);
                continue;
            }
            if (instruction.OpCode.Code is Code.Call or Code.Callvirt && instruction.Operand is MethodReference callee)
            {
                ClaimForFramework(ctx, instruction, callee);
                continue;
            }
            var access = Describe(instruction, types, ctx.Editor.Inserted);
            if (access is not { } a || _kinds.Shadowing(a.Element) == PoolShadowing.Never) continue;
            if (a.AddressOnly || PoolElementKinds.IsValueType(a.Element)) Insert(ctx, instruction, a, guarded.GetValueOrDefault(instruction));
            else if (a.IsWrite) InsertBeforeStore(ctx, instruction, a);
            else InsertReadonlyLoad(ctx, instruction, a);
        }
    }

    /// <summary>
    /// Whether reading a <paramref name="element"/>[]'s capacity needs a claim: not for element types the pool never
    /// shadows, nor for pointers (not type arguments, so never pooled, and <c>Claim&lt;int*&gt;</c> would not load).
    /// </summary>
    bool NeedsClaim(TypeReference element) =>
        _kinds.Shadowing(element) != PoolShadowing.Never && PoolElementKinds.CanBeTypeArgument(element);

    /// <summary>
    /// <c>ldlen</c> → <c>dup; call PoolCapacity.Claim&lt;T&gt;(T[]); ldlen</c>: reading a pooled array's Length lifts its
    /// poisoned tail (see PoolCapacity for why). The element type comes from the static type of the instruction
    /// that pushed the array; when it cannot be told (rare), no claim is made.
    /// </summary>
    void ClaimCapacity(MethodContext ctx, Instruction ldlen)
    {
        if (ProducedTypes.ArrayOf(ctx.Provenance, ctx.Provenance.ProducerOf(ldlen, 0)) is not { IsVector: true } array || !NeedsClaim(array.ElementType)) return;
        var claim = new GenericInstanceMethod(ctx.Module.Entry(Capacity, "Claim"));
        claim.GenericArguments.Add(array.ElementType);
        ctx.Editor.InsertBefore(ldlen, [Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Call, claim)]);
        ctx.Changed = true;
    }

    /// <summary>
    /// A whole array handed to a framework method as its last argument (<c>socket.Receive(buffer)</c>,
    /// <c>random.NextBytes(buffer)</c>, <c>Array.Fill(buffer, v)</c>'s first is not covered) may be filled up to its
    /// Length by code SharpSan does not see, so it counts as a capacity claim. ArrayPool/MemoryPool calls are not.
    /// </summary>
    void ClaimForFramework(MethodContext ctx, Instruction call, MethodReference callee)
    {
        if (callee.Parameters.Count == 0 || !IsFramework(callee.DeclaringType)) return;
        string declaring = callee.DeclaringType.GetElementType().FullName;
        if (declaring is "System.Buffers.ArrayPool`1" or "System.Buffers.MemoryPool`1") return;
        var parameter = callee.Parameters[^1].ParameterType;
        if (parameter is not ArrayType { IsVector: true }) return;
        if (CallSiteTypes.Of(parameter, callee.DeclaringType, callee as GenericInstanceMethod) is not ArrayType { IsVector: true } array) return;
        if (!NeedsClaim(array.ElementType)) return;
        var claim = new GenericInstanceMethod(ctx.Module.Entry(Capacity, "Claim"));
        claim.GenericArguments.Add(array.ElementType);
        ctx.Editor.InsertBefore(call, [Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Call, claim)]);
        ctx.Changed = true;
    }

    static bool IsFramework(TypeReference type)
    {
        string scope = type.Scope switch
        {
            AssemblyNameReference a => a.Name,
            ModuleDefinition m => m.Assembly.Name.Name,
            _ => "",
        };
        return scope is "System.Runtime" or "System.Private.CoreLib" or "netstandard" or "mscorlib"
            || scope.StartsWith("System.", StringComparison.Ordinal) || scope.StartsWith("Microsoft.", StringComparison.Ordinal);
    }

    /// <summary>Element type, access size in bytes (null: use sizeof), the indirect load/store replacing it, whether it writes.</summary>
    readonly record struct ElementAccess(TypeReference Element, int? Size, OpCode? Indirect, bool IsWrite, bool AddressOnly, TypeReference? StackType);

    static ElementAccess? Describe(Instruction i, TypeSystem t, HashSet<Instruction> inserted) => i.OpCode.Code switch
    {
        Code.Ldelem_I1 => new(t.SByte, 1, OpCodes.Ldind_I1, false, false, null),
        Code.Ldelem_U1 => new(t.Byte, 1, OpCodes.Ldind_U1, false, false, null),
        Code.Ldelem_I2 => new(t.Int16, 2, OpCodes.Ldind_I2, false, false, null),
        Code.Ldelem_U2 => new(t.UInt16, 2, OpCodes.Ldind_U2, false, false, null),
        Code.Ldelem_I4 => new(t.Int32, 4, OpCodes.Ldind_I4, false, false, null),
        Code.Ldelem_U4 => new(t.UInt32, 4, OpCodes.Ldind_U4, false, false, null),
        Code.Ldelem_I8 => new(t.Int64, 8, OpCodes.Ldind_I8, false, false, null),
        Code.Ldelem_I => new(t.IntPtr, 8, OpCodes.Ldind_I, false, false, null),
        Code.Ldelem_R4 => new(t.Single, 4, OpCodes.Ldind_R4, false, false, null),
        Code.Ldelem_R8 => new(t.Double, 8, OpCodes.Ldind_R8, false, false, null),
        Code.Stelem_I1 => new(t.SByte, 1, OpCodes.Stind_I1, true, false, t.Int32),
        Code.Stelem_I2 => new(t.Int16, 2, OpCodes.Stind_I2, true, false, t.Int32),
        Code.Stelem_I4 => new(t.Int32, 4, OpCodes.Stind_I4, true, false, t.Int32),
        Code.Stelem_I8 => new(t.Int64, 8, OpCodes.Stind_I8, true, false, t.Int64),
        Code.Stelem_I => new(t.IntPtr, 8, OpCodes.Stind_I, true, false, t.IntPtr),
        Code.Stelem_R4 => new(t.Single, 4, OpCodes.Stind_R4, true, false, t.Single),
        Code.Stelem_R8 => new(t.Double, 8, OpCodes.Stind_R8, true, false, t.Double),
        Code.Ldelem_Any => Typed((TypeReference)i.Operand, false, false),
        Code.Stelem_Any => Typed((TypeReference)i.Operand, true, false),
        Code.Ldelema => Typed((TypeReference)i.Operand, ConsumedByStore(i, inserted), true),
        _ => null,
    };

    /// <summary>
    /// True when the address an <c>ldelema</c> pushed is consumed, within its basic block, by a store through it
    /// (<c>arr[i].Field = v</c>, <c>arr[i].Inner.Field = v</c>, <c>arr[i] = default</c>), so the report says WRITE. A compound assignment duplicates
    /// the address and reads first, so it stays a READ.
    /// </summary>
    static bool ConsumedByStore(Instruction ldelema, HashSet<Instruction> inserted)
    {
        int above = 0;   // values pushed on top of the address so far
        for (var i = ldelema.Next; i is not null; i = i.Next)
        {
            if (inserted.Contains(i)) continue;   // earlier passes' checks leave the stack as they found it
            if (i.OpCode.FlowControl is not (FlowControl.Next or FlowControl.Meta)) return false;
            if (i.OpCode.Code == Code.Dup && above == 0) return false;
            var (pops, pushes) = StackEffects.Of(i, null!);
            if (i.OpCode.Code == Code.Ldflda && above == 0) continue;   // a nested field's address: follow it
            if (pops > above)
                return i.OpCode.Code is Code.Stfld or Code.Stobj or Code.Initobj
                    or Code.Stind_I1 or Code.Stind_I2 or Code.Stind_I4 or Code.Stind_I8 or Code.Stind_R4 or Code.Stind_R8 or Code.Stind_I or Code.Stind_Ref;
            above += pushes - pops;
        }
        return false;
    }

    static ElementAccess Typed(TypeReference element, bool isWrite, bool addressOnly)
    {
        var size = AccessSize.Of(element);
        return new(element, size.Bytes, null, isWrite, addressOnly, isWrite && !addressOnly ? element : null);
    }

    string EntryFor(ElementAccess a) => (a.IsWrite ? "Store" : "Load") + (a.Size is 1 or 2 or 4 or 8 or 16 ? a.Size.ToString() : "N") + _suffix;

    /// <summary>The check of the address on top of the stack, which it consumes: <c>conv.u; [size]; site; call Check</c>.</summary>
    List<Instruction> CheckConsuming(MethodContext ctx, Instruction site, ElementAccess a)
    {
        var check = new List<Instruction> { Instruction.Create(OpCodes.Conv_U) };
        if (a.Size is not (1 or 2 or 4 or 8 or 16))
            check.Add(a.Size is int n ? Instruction.Create(OpCodes.Ldc_I4, n) : Instruction.Create(OpCodes.Sizeof, a.Element));
        check.Add(ctx.SiteOf(site, throughReference: true));
        check.Add(Instruction.Create(OpCodes.Call, ctx.Module.Entry(Checks, EntryFor(a))));
        return check;
    }

    /// <summary>
    /// <c>ldelem T</c> where T may be a reference type: a plain <c>ldelema T</c> would add a covariance check
    /// (<c>object[]</c> holding a <c>string[]</c> throws), so the element instruction becomes <c>readonly.</c>:
    /// <c>readonly. ldelema T; dup; check; ldobj T</c>.
    /// </summary>
    void InsertReadonlyLoad(MethodContext ctx, Instruction instruction, ElementAccess a)
    {
        var after = new List<Instruction> { Instruction.Create(OpCodes.Ldelema, a.Element), Instruction.Create(OpCodes.Dup) };
        after.AddRange(CheckConsuming(ctx, instruction, a));
        after.Add(Instruction.Create(OpCodes.Ldobj, a.Element));
        instruction.OpCode = OpCodes.Readonly;
        instruction.Operand = null;
        ctx.Editor.InsertAfter(instruction, after);
        ctx.Editor.Inserted.Add(instruction);
        ctx.Checks++;
        ctx.Changed = true;
    }

    /// <summary>
    /// <c>stelem T</c> where T may be a reference type stays a <c>stelem</c> (its store check is part of the program's
    /// behaviour); the element's address is computed and checked on the side:
    /// <c>stloc v; stloc i; dup; ldloc i; readonly. ldelema T; check; ldloc i; ldloc v; stelem T</c>.
    /// An index out of range throws the same IndexOutOfRangeException from the ldelema.
    /// </summary>
    void InsertBeforeStore(MethodContext ctx, Instruction instruction, ElementAccess a)
    {
        var value = TempFor(ctx, a.Element);
        var index = ctx.Temp(ctx.Method.Module.TypeSystem.IntPtr);
        var code = new List<Instruction>
        {
            Instruction.Create(OpCodes.Stloc, value),
            Instruction.Create(OpCodes.Stloc, index),
            Instruction.Create(OpCodes.Dup),
            Instruction.Create(OpCodes.Ldloc, index),
            Instruction.Create(OpCodes.Readonly),
            Instruction.Create(OpCodes.Ldelema, a.Element),
        };
        code.AddRange(CheckConsuming(ctx, instruction, a));
        code.Add(Instruction.Create(OpCodes.Ldloc, index));
        code.Add(Instruction.Create(OpCodes.Ldloc, value));
        ctx.Editor.InsertBefore(instruction, code);
        ctx.Checks++;
        ctx.Changed = true;
    }

    /// <summary>
    /// A temporary of a type that may mention generic parameters: keyed by position and kind (<c>!0</c>, <c>!!0</c>),
    /// since a method's T and its class's T print alike.
    /// </summary>
    VariableDefinition TempFor(MethodContext ctx, TypeReference type)
    {
        if (!type.ContainsGenericParameter) return ctx.Temp(type);
        if (_tempsOf != ctx) (_tempsOf, _genericTemps) = (ctx, []);
        string key = SignatureKey.Type(type);
        if (!_genericTemps.TryGetValue(key, out var variable))
        {
            variable = new VariableDefinition(type);
            ctx.Method.Body.Variables.Add(variable);
            _genericTemps[key] = variable;
        }
        return variable;
    }

    MethodContext? _tempsOf;
    Dictionary<string, VariableDefinition> _genericTemps = [];

    /// <summary>
    /// Counted loops over <c>array[i]</c> or a row <c>array[X + i]</c> (primitive elements, X unchanged by the loop,
    /// <see cref="LoopRangeGuards"/>): one check of the elements the loop can reach, <c>[max(X + start, 0), min(X + n,
    /// Length))</c> — an index outside the array throws before any access —
    /// goes in front of the loop; when it passes an unchecked copy of the loop runs (<see cref="LoopVersioning"/>), when it
    /// fails the original with every element check. A loop holding code of earlier passes keeps a flag instead.
    /// </summary>
    (Dictionary<Instruction, VariableDefinition> Guarded, HashSet<Instruction> Proven) GuardLoops(MethodContext ctx, TypeSystem types)
    {
        var guarded = new Dictionary<Instruction, VariableDefinition>();
        var proven = new HashSet<Instruction>();
        var loops = LoopRangeGuards.Find(ctx.Method.Body, HarmlessCall, (access, index, native) =>
        {
            if (native || ctx.Editor.Inserted.Contains(access)) return null;
            // An element load or store, or an ldelema of a primitive element (c[i] += x): its check is made on the address
            // it pushes, so the range check covers it the same way.
            if (Describe(access, types, ctx.Editor.Inserted) is not { Size: int size } a || a.Indirect is null && !a.AddressOnly
                || _kinds.Shadowing(a.Element) == PoolShadowing.Never) return null;
            int indexDepth = a.IsWrite && !a.AddressOnly ? 1 : 0;
            var element = LoopRangeGuards.Widened(ctx.Provenance, ctx.Provenance.ProducerOf(access, indexDepth), native);
            List<Instruction>? offset = null;
            if (element is { OpCode.Code: Code.Add } sum)
            {
                // array[X + i] (a row of a matrix) with X computed from values the loop does not change: i + X, too.
                var (left, right) = (ctx.Provenance.ProducerOf(sum, 1), ctx.Provenance.ProducerOf(sum, 0));
                if (right is { OpCode.Code: Code.Ldloc } r && r.Operand == index) (element, offset) = (r, LoopRangeGuards.InvariantOffset(ctx.Provenance, left, index));
                else if (left is { OpCode.Code: Code.Ldloc } l && l.Operand == index) (element, offset) = (l, LoopRangeGuards.InvariantOffset(ctx.Provenance, right, index));
                if (offset is null) return null;
            }
            if (element is not { OpCode.Code: Code.Ldloc } load || load.Operand != index) return null;
            if (ctx.Provenance.ProducerOf(access, indexDepth + 1) is not { OpCode.Code: Code.Ldloc or Code.Ldarg } array) return null;
            return new LoopRangeGuards.Access(access, array, size, size, offset);
        });
        foreach (var loop in loops)
        {
            var code = new List<Instruction>();
            var ranges = loop.Accesses.GroupBy(a => (Array: (a.Base.OpCode, a.Base.Operand), a.Size, a.OffsetKey)).Select(g => g.First()).ToList();
            for (int k = 0; k < ranges.Count; k++)
            {
                code.Add(Instruction.Create(OpCodes.Nop));
                (code[^1].OpCode, code[^1].Operand) = (ranges[k].Base.OpCode, ranges[k].Base.Operand);
                code.AddRange(loop.IndexRange());
                if (ranges[k].Offset is { } offset)
                {
                    foreach (var o in offset) { code.Add(Instruction.Create(OpCodes.Nop)); (code[^1].OpCode, code[^1].Operand) = (o.OpCode, o.Operand); }
                    code.Add(Instruction.Create(OpCodes.Conv_I));
                    code.Add(Instruction.Create(OpCodes.Ldc_I4, ranges[k].Size));
                    code.Add(Instruction.Create(OpCodes.Call, ctx.Module.Entry(Checks, "ArrayLoopRangeAt")));
                }
                else
                {
                    code.Add(Instruction.Create(OpCodes.Ldc_I4, ranges[k].Size));
                    code.Add(Instruction.Create(OpCodes.Call, ctx.Module.Entry(Checks, "ArrayLoopRange")));
                }
                if (k > 0) code.Add(Instruction.Create(OpCodes.And));
            }
            if (LoopVersioning.Version(ctx, loop, code) is { } copies)
            {
                foreach (var access in loop.Accesses) proven.Add(copies[access.Instruction]);
                continue;
            }
            var flag = new VariableDefinition(types.Boolean);
            ctx.Method.Body.Variables.Add(flag);
            code.Add(Instruction.Create(OpCodes.Stloc, flag));
            ctx.Editor.InsertBefore(loop.Entry, code);
            foreach (var access in loop.Accesses) guarded[access.Instruction] = flag;
        }
        return (guarded, proven);
    }

    /// <summary>Calls earlier passes put in a loop that cannot free, unpin or return memory: the address and binding checks.</summary>
    static bool HarmlessCall(Instruction call) => call.Operand is MethodReference m
        && m.DeclaringType.FullName is "SharpSan.Runtime.Address.AddressChecks" or "SharpSan.Runtime.Address.Heuristic.BufferBinding"
        || LoopRangeGuards.IsShadowBookkeeping(call);

    void Insert(MethodContext ctx, Instruction instruction, ElementAccess a, VariableDefinition? guard = null)
    {
        var check = new List<Instruction>();
        var skip = Instruction.Create(OpCodes.Nop);
        if (guard is not null) { check.Add(Instruction.Create(OpCodes.Ldloc, guard)); check.Add(Instruction.Create(OpCodes.Brtrue, skip)); }
        check.Add(Instruction.Create(OpCodes.Dup));
        check.AddRange(CheckConsuming(ctx, instruction, a));   // on the ldelema's address
        if (guard is not null) check.Add(skip);

        if (a.AddressOnly)
        {
            // ldelema stays; the check follows it on the address it pushed.
            ctx.Editor.InsertAfter(instruction, check);
        }
        else
        {
            // The element instruction itself becomes the ldelema (keeping its identity for branches and
            // sequence points); the check and the indirect access follow it.
            var indirect = a.Indirect is { } op ? Instruction.Create(op)
                : Instruction.Create(a.IsWrite ? OpCodes.Stobj : OpCodes.Ldobj, a.Element);
            var after = new List<Instruction>(check);
            if (a.IsWrite)
            {
                // [array, index, value]: the value waits in a temporary while the address is computed and checked.
                var value = TempFor(ctx, a.StackType!);
                // InsertBefore keeps the original's identity on the stloc and returns the copy holding the original.
                instruction = ctx.Editor.InsertBefore(instruction, [Instruction.Create(OpCodes.Stloc, value)]);
                after.Add(Instruction.Create(OpCodes.Ldloc, value));
            }
            after.Add(indirect);
            instruction.OpCode = OpCodes.Ldelema;
            instruction.Operand = a.Element;
            ctx.Editor.InsertAfter(instruction, after);
            ctx.Editor.Inserted.Add(instruction);
        }
        ctx.Checks++;
        ctx.Changed = true;
    }
}
