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
/// </code>
/// ldelema on a value type has no covariance check, so replacing ldelem by ldelema+ldind costs one bounds check,
/// as before. Reference-type elements (ldelem.ref, types containing references) are not checked: their pools are
/// not shadowed. The redirection of ArrayPool.Shared/Create is done by the interception pass ([Intercepts]).
/// </summary>
/// <param name="recover">Use the returning (…Recover) checks, as <see cref="MemoryAccessPass"/> does.</param>
public sealed class PoolPass(bool recover = false) : IInstrumentationPass
{
    const string Checks = "SharpSan.Runtime.Address.AddressChecks";
    const string Capacity = "SharpSan.Runtime.Address.Pools.PoolCapacity";
    readonly string _suffix = recover ? "Recover" : "";

    public string Name => "pool";

    bool _moduleUsesPools;

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
    }

    public void Run(MethodContext ctx)
    {
        if (!_moduleUsesPools) return;
        var types = ctx.Method.Module.TypeSystem;
        foreach (var instruction in ctx.Method.Body.Instructions.ToArray())
        {
            if (ctx.Editor.Inserted.Contains(instruction)) continue;
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
            var access = Describe(instruction, types);
            if (access is not { } a || !IsUnmanaged(a.Element)) continue;
            Insert(ctx, instruction, a);
        }
    }

    /// <summary>
    /// <c>ldlen</c> → <c>dup; call PoolCapacity.Claim&lt;T&gt;(T[]); ldlen</c>: reading a pooled array's Length lifts its
    /// poisoned tail (see PoolCapacity for why). The element type comes from the static type of the instruction
    /// that pushed the array; when it cannot be told (rare), no claim is made.
    /// </summary>
    static void ClaimCapacity(MethodContext ctx, Instruction ldlen)
    {
        if (ArrayTypeOf(ctx.Method, ldlen.Previous) is not { IsVector: true } array) return;
        var element = array.ElementType;
        if (element.MetadataType is MetadataType.String or MetadataType.Object or MetadataType.Class or MetadataType.Array) return;
        var claim = new GenericInstanceMethod(ctx.Module.Entry(Capacity, "Claim"));
        claim.GenericArguments.Add(element);
        ctx.Editor.InsertBefore(ldlen, [Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Call, claim)]);
        ctx.Changed = true;
    }

    /// <summary>
    /// A whole array handed to a framework method as its last argument (<c>socket.Receive(buffer)</c>,
    /// <c>random.NextBytes(buffer)</c>, <c>Array.Fill(buffer, v)</c>'s first is not covered) may be filled up to its
    /// Length by code SharpSan does not see, so it counts as a capacity claim. ArrayPool/MemoryPool calls are not.
    /// </summary>
    static void ClaimForFramework(MethodContext ctx, Instruction call, MethodReference callee)
    {
        if (callee.Parameters.Count == 0 || !IsFramework(callee.DeclaringType)) return;
        string declaring = callee.DeclaringType.GetElementType().FullName;
        if (declaring is "System.Buffers.ArrayPool`1" or "System.Buffers.MemoryPool`1") return;
        var parameter = callee.Parameters[^1].ParameterType;
        if (Substitute(parameter, callee.DeclaringType, callee as GenericInstanceMethod) is not ArrayType { IsVector: true } array) return;
        var element = array.ElementType;
        if (element.MetadataType is MetadataType.String or MetadataType.Object or MetadataType.Class or MetadataType.Array) return;
        if (element is GenericParameter { Type: GenericParameterType.Method } || element is GenericParameter && callee.DeclaringType is GenericInstanceType) return;
        if (ContainsForeignGenericParameter(element)) return;
        var claim = new GenericInstanceMethod(ctx.Module.Entry(Capacity, "Claim"));
        claim.GenericArguments.Add(element);
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

    /// <summary>Static type of the value <paramref name="producer"/> pushed, for the simple producers that say it.</summary>
    static ArrayType? ArrayTypeOf(MethodDefinition method, Instruction? producer)
    {
        while (producer is { OpCode.Code: Code.Dup or Code.Nop }) producer = producer.Previous;
        if (producer is null) return null;
        TypeReference? type = producer.OpCode.Code switch
        {
            Code.Ldloc or Code.Ldloc_S => ((VariableDefinition)producer.Operand).VariableType,
            Code.Ldloc_0 => Local(method, 0), Code.Ldloc_1 => Local(method, 1), Code.Ldloc_2 => Local(method, 2), Code.Ldloc_3 => Local(method, 3),
            Code.Ldarg or Code.Ldarg_S => ((ParameterDefinition)producer.Operand).ParameterType,
            Code.Ldarg_0 => Argument(method, 0), Code.Ldarg_1 => Argument(method, 1), Code.Ldarg_2 => Argument(method, 2), Code.Ldarg_3 => Argument(method, 3),
            Code.Ldfld or Code.Ldsfld => Substitute(((FieldReference)producer.Operand).FieldType, ((FieldReference)producer.Operand).DeclaringType, null),
            Code.Castclass or Code.Isinst or Code.Ldelem_Any => (TypeReference)producer.Operand,
            Code.Call or Code.Callvirt => Substitute(((MethodReference)producer.Operand).ReturnType, ((MethodReference)producer.Operand).DeclaringType, producer.Operand as GenericInstanceMethod),
            _ => null,
        };
        return type is ArrayType a && !ContainsForeignGenericParameter(a.ElementType) ? a : null;
    }

    static TypeReference? Local(MethodDefinition method, int index) =>
        index < method.Body.Variables.Count ? method.Body.Variables[index].VariableType : null;

    static TypeReference? Argument(MethodDefinition method, int index)
    {
        if (method.HasThis) index--;
        return index >= 0 && index < method.Parameters.Count ? method.Parameters[index].ParameterType : null;
    }

    /// <summary>A member's declared type seen from the call site: !0 / !!0 replaced by the instantiation's arguments.</summary>
    static TypeReference? Substitute(TypeReference type, TypeReference declaringType, GenericInstanceMethod? method)
    {
        if (type is not ArrayType { IsVector: true } array) return type;
        var element = array.ElementType;
        if (element is GenericParameter gp)
        {
            if (gp.Type == GenericParameterType.Type && declaringType is GenericInstanceType git && gp.Position < git.GenericArguments.Count)
                return new ArrayType(git.GenericArguments[gp.Position]);
            if (gp.Type == GenericParameterType.Method && method is not null && gp.Position < method.GenericArguments.Count)
                return new ArrayType(method.GenericArguments[gp.Position]);
            if (gp.Type == GenericParameterType.Method) return null;   // a generic method's own !!0 out of context
        }
        return type;
    }

    /// <summary>Generic instances inside the element type are left alone (their parameters may need substitution too).</summary>
    static bool ContainsForeignGenericParameter(TypeReference element) => element is GenericInstanceType || element.IsArray || element.IsPointer && element.GetElementType() is GenericParameter;

    /// <summary>Element type, access size in bytes (null: use sizeof), the indirect load/store replacing it, whether it writes.</summary>
    readonly record struct ElementAccess(TypeReference Element, int? Size, OpCode? Indirect, bool IsWrite, bool AddressOnly, TypeReference? StackType);

    static ElementAccess? Describe(Instruction i, TypeSystem t) => i.OpCode.Code switch
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
        Code.Ldelema => Typed((TypeReference)i.Operand, ConsumedByStore(i), true),
        _ => null,
    };

    /// <summary>
    /// True when the address an <c>ldelema</c> pushed is consumed, within its basic block, by a store through it
    /// (<c>arr[i].Field = v</c>, <c>arr[i] = default</c>), so the report says WRITE. A compound assignment duplicates
    /// the address and reads first, so it stays a READ.
    /// </summary>
    static bool ConsumedByStore(Instruction ldelema)
    {
        int above = 0;   // values pushed on top of the address so far
        for (var i = ldelema.Next; i is not null; i = i.Next)
        {
            if (i.OpCode.FlowControl is not (FlowControl.Next or FlowControl.Meta)) return false;
            if (i.OpCode.Code == Code.Dup && above == 0) return false;
            var (pops, pushes) = StackEffects.Of(i, null!);
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

    /// <summary>
    /// True for element types whose arrays the checking pool shadows: primitives, enums, pointers and structs
    /// made only of those. Generic parameters and anything unresolvable are left alone (no check, no false positive).
    /// </summary>
    static bool IsUnmanaged(TypeReference type, int depth = 0)
    {
        if (depth > 8) return false;
        switch (type.MetadataType)
        {
            case MetadataType.Boolean or MetadataType.Char or MetadataType.SByte or MetadataType.Byte or MetadataType.Int16
                or MetadataType.UInt16 or MetadataType.Int32 or MetadataType.UInt32 or MetadataType.Int64 or MetadataType.UInt64
                or MetadataType.Single or MetadataType.Double or MetadataType.IntPtr or MetadataType.UIntPtr
                or MetadataType.Pointer or MetadataType.FunctionPointer:
                return true;
            case MetadataType.ValueType:
                break;
            default:
                return false;
        }
        if (type is GenericInstanceType) return false;
        TypeDefinition? definition;
        try { definition = type.Resolve(); }
        catch (AssemblyResolutionException) { return false; }
        if (definition is null || definition.HasGenericParameters) return false;
        if (definition.IsEnum) return true;
        return definition.Fields.Where(f => !f.IsStatic).All(f => IsUnmanaged(f.FieldType, depth + 1));
    }

    void Insert(MethodContext ctx, Instruction instruction, ElementAccess a)
    {
        var module = ctx.Module;
        string entry = (a.IsWrite ? "Store" : "Load") + (a.Size is 1 or 2 or 4 or 8 or 16 ? a.Size.ToString() : "N") + _suffix;
        var check = new List<Instruction>
        {
            Instruction.Create(OpCodes.Dup),
            Instruction.Create(OpCodes.Conv_U),
        };
        if (a.Size is not (1 or 2 or 4 or 8 or 16))
            check.Add(a.Size is int n ? Instruction.Create(OpCodes.Ldc_I4, n) : Instruction.Create(OpCodes.Sizeof, a.Element));
        check.Add(ctx.SiteOf(instruction, throughReference: true));   // ldelema
        check.Add(Instruction.Create(OpCodes.Call, module.Entry(Checks, entry)));

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
                var value = ctx.Temp(a.StackType!);
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
