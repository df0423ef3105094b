using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;
using SharpSan.Instrumentation.Pipeline;
using SharpSan.Instrumentation.Races;

namespace SharpSan.Instrumentation.Passes;

/// <summary>
/// Puts an AddressSanitizer check in front of every load and store through an address that is not provably
/// managed storage: ldind/stind, ldobj/stobj, initobj, cpblk/initblk, ldfld/stfld through a pointer to
/// a struct, and the Unsafe.Read/Write of a ref struct that cannot be intercepted (<see cref="ByRefLikeUnsafeCall"/>).
/// The check (AddressChecks.LoadN/StoreN) is inlined by the JIT; only a poisoned shadow byte leaves the fast path.
/// </summary>
/// <param name="recover">Use the returning (…Recover) entry points, for halt_on_error=0 and suppressions (clang's -fsanitize-recover).</param>
/// <param name="heuristic">Also bind loop accesses to the buffer they first touch (SGCheck's heuristic, <see cref="BindingSites"/>); the binding check follows the shadow check.</param>
public sealed class MemoryAccessPass(bool recover = false, bool heuristic = true) : IInstrumentationPass
{
    const string Checks = "SharpSan.Runtime.Address.AddressChecks";
    readonly string _suffix = recover ? "Recover" : "";

    PointerOrigins? _origins;

    public string Name => "memory-access";

    public void Prepare(IReadOnlyList<MethodContext> methods) => _origins = heuristic ? PointerOrigins.Analyse(methods) : null;

    public void Run(MethodContext ctx)
    {
        var sites = _origins is not null ? new BindingSites(ctx, _origins) : null;
        var (guarded, proven) = GuardLoops(ctx, sites);
        var covered = recover ? null : CoveredAccesses(ctx);
        foreach (var instruction in ctx.Method.Body.Instructions.ToArray())
        {
            if (ctx.Editor.Inserted.Contains(instruction) || proven.Contains(instruction)) continue;
            var access = Describe(instruction);
            if (access is null) continue;
            var (isWrite, depth, size, fieldOffsetOf) = access.Value;
            var kind = fieldOffsetOf is null ? ctx.Provenance.Classify(instruction, depth) : ctx.Provenance.ClassifyFieldInstance(instruction, depth);
            if (kind != AddressKind.Pointer) continue;
            if (isWrite && depth == 1 && fieldOffsetOf is null && CheckedByPrecedingLoad(ctx, instruction, size)) continue;
            if (covered?.Contains(instruction) == true && sites?.Binds(instruction, depth, fieldOffsetOf) != true) continue;
            Insert(ctx, instruction, isWrite, depth, size, fieldOffsetOf, sites, ctx.Provenance.IsReference(instruction, depth) || ctx.AccessesInsideTheirPin.Contains(instruction), guarded.GetValueOrDefault(instruction));
        }
        sites?.Finish();
    }

    /// <summary>
    /// Accesses a check on every path to them already covers (<see cref="AvailableChecks"/>). Not under recover: there a
    /// failed check reports and goes on, so a later access to the same bytes has not been proven addressable.
    /// </summary>
    static IReadOnlySet<Instruction> CoveredAccesses(MethodContext ctx)
    {
        (int, int?, FieldReference?)? Checked(Instruction i)
        {
            if (ctx.Editor.Inserted.Contains(i) || Describe(i) is not { } access) return null;
            var kind = access.Field is null ? ctx.Provenance.Classify(i, access.Depth) : ctx.Provenance.ClassifyFieldInstance(i, access.Depth);
            return kind == AddressKind.Pointer ? (access.Depth, access.Size.Bytes, access.Field) : null;
        }
        bool Harmless(Instruction call) => call.Operand is MethodReference m && m.DeclaringType.FullName == Checks || LoopRangeGuards.IsShadowBookkeeping(call);
        return new AvailableChecks(ctx.Method.Body, ctx.Provenance, Checked, Harmless).Covered;
    }

    /// <summary>
    /// Puts each qualifying loop's merged range check (<see cref="LoopRangeGuards"/>) in front of it. Where it can, the
    /// loop is versioned (<see cref="LoopVersioning"/>): the range check picks an unchecked copy, whose covered accesses
    /// are returned as proven, or the original, whose accesses keep every check. Otherwise (code of an earlier pass or a binding
    /// check in the loop) the check goes into a flag that lets each covered access skip its shadow check.
    /// </summary>
    static (Dictionary<Instruction, VariableDefinition> Guarded, HashSet<Instruction> Proven) GuardLoops(MethodContext ctx, BindingSites? sites)
    {
        var guarded = new Dictionary<Instruction, VariableDefinition>();
        var proven = new HashSet<Instruction>();
        var loops = LoopRangeGuards.Find(ctx.Method.Body, ctx.Provenance, i => Describe(i) is { } a ? (a.Depth, a.Size.Bytes, a.Field is not null) : null, ctx.Editor.Inserted.Contains);
        if (loops.Count == 0) return (guarded, proven);
        var module = ctx.Module;
        var types = module.Module.TypeSystem;
        foreach (var loop in loops)
        {
            var code = new List<Instruction>();
            var ranges = loop.Accesses.Select(a => (Base: (a.Base.OpCode, a.Base.Operand), a.Scale, a.Size)).Distinct().ToList();
            foreach (var (range, k) in ranges.Select((r, k) => (r, k)))
            {
                code.Add(Instruction.Create(OpCodes.Nop));
                code[^1].OpCode = range.Base.OpCode;
                code[^1].Operand = range.Base.Operand;
                code.AddRange(loop.IndexRange());
                code.Add(Instruction.Create(OpCodes.Ldc_I4, range.Scale));
                code.Add(Instruction.Create(OpCodes.Conv_I));
                code.Add(Instruction.Create(OpCodes.Ldc_I4, range.Size));
                code.Add(Instruction.Create(OpCodes.Call, module.Entry(Checks, loop.Unsigned ? "LoopRangeUnsigned" : "LoopRange")));
                if (k > 0) code.Add(Instruction.Create(OpCodes.And));
            }
            bool bound = sites is not null && loop.Accesses.Any(a => Describe(a.Instruction) is { } d && sites.Binds(a.Instruction, d.Depth, d.Field));
            if (!bound && LoopVersioning.Version(ctx, loop, code) is { } copies)
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

    /// <summary>(isWrite, depth of the address on the stack, access size, field when the address is an instance pointer).</summary>
    internal static (bool IsWrite, int Depth, AccessSize Size, FieldReference? Field)? Describe(Instruction i) => i.OpCode.Code switch
    {
        Code.Ldind_I1 or Code.Ldind_U1 => (false, 0, AccessSize.Fixed(1), null),
        Code.Ldind_I2 or Code.Ldind_U2 => (false, 0, AccessSize.Fixed(2), null),
        Code.Ldind_I4 or Code.Ldind_U4 or Code.Ldind_R4 => (false, 0, AccessSize.Fixed(4), null),
        Code.Ldind_I8 or Code.Ldind_R8 or Code.Ldind_I or Code.Ldind_Ref => (false, 0, AccessSize.Fixed(8), null),
        Code.Stind_I1 => (true, 1, AccessSize.Fixed(1), null),
        Code.Stind_I2 => (true, 1, AccessSize.Fixed(2), null),
        Code.Stind_I4 or Code.Stind_R4 => (true, 1, AccessSize.Fixed(4), null),
        Code.Stind_I8 or Code.Stind_R8 or Code.Stind_I or Code.Stind_Ref => (true, 1, AccessSize.Fixed(8), null),
        Code.Ldobj => (false, 0, AccessSize.Of((TypeReference)i.Operand), null),
        Code.Stobj => (true, 1, AccessSize.Of((TypeReference)i.Operand), null),
        Code.Initobj => (true, 0, AccessSize.Of((TypeReference)i.Operand), null),
        Code.Ldfld when IsStructField(i) && FieldType((FieldReference)i.Operand) is { } t => (false, 0, AccessSize.Of(t), (FieldReference)i.Operand),
        Code.Stfld when IsStructField(i) && FieldType((FieldReference)i.Operand) is { } t => (true, 1, AccessSize.Of(t), (FieldReference)i.Operand),
        Code.Call when ByRefLikeUnsafeCall.Of(i) is { } call => (call.IsWrite, call.Depth, AccessSize.Of(call.Value), null),
        Code.Cpblk => (true, 2, AccessSize.Block, null),
        Code.Initblk => (true, 2, AccessSize.Block, null),
        _ => null,
    };

    /// <summary>
    /// ASan's redundant-check elimination for the commonest case: <c>p[i] += x</c> duplicates the address, loads
    /// through one copy and stores through the other. If the load right after the <c>dup</c> checked the same number
    /// of bytes and nothing between could free memory (no call), the store needs no check of its own.
    /// </summary>
    static bool CheckedByPrecedingLoad(MethodContext ctx, Instruction store, AccessSize size)
    {
        if (size.Bytes is not int bytes) return false;
        var dup = ctx.Provenance.DupFeeding(store, 1);
        if (dup?.Next is not { } load || Describe(load) is not { } access) return false;
        var (loadIsWrite, loadDepth, loadSize, loadField) = access;
        if (loadIsWrite || loadDepth != 0 || loadField is not null || loadSize.Bytes != bytes) return false;
        for (var i = load.Next; i is not null && i != store; i = i.Next)
            if (i.OpCode.FlowControl == FlowControl.Call && !ctx.Editor.Inserted.Contains(i)) return false;
        return true;
    }

    /// <summary>
    /// The field's type as seen from the accessing method: the declaring instance's type arguments replace the type's
    /// parameters (<c>Disposable&lt;Stream&gt;.value</c> is a Stream, not <c>!0</c>; <c>UseSiteInfo&lt;X&gt;.Set</c> is an
    /// <c>ImmutableHashSet&lt;X&gt;</c>, not an <c>ImmutableHashSet&lt;!0&gt;</c>, which means nothing in a non-generic method).
    /// Custom modifiers (<c>volatile</c>) do not change the size and are dropped. Null when the type still mentions
    /// parameters of an uninstantiated generic type; such accesses are left unchecked.
    /// </summary>
    static TypeReference? FieldType(FieldReference field)
    {
        var type = field.FieldType;
        while (type is IModifierType modified) type = modified.ElementType;
        if (field.DeclaringType is GenericInstanceType git) return GenericSubstitution.Apply(type, git.GenericArguments);
        return type.ContainsGenericParameter ? null : type;
    }

    /// <summary>
    /// A field of a struct, which may be reached through a pointer. Not a C# 11 <c>ref</c> field: its slot lives in a
    /// ref struct, which is only ever on the stack, and IL cannot take its address (<c>ldflda</c>) or size (<c>sizeof T&amp;</c>)
    /// for a check; what it points to is checked where it is dereferenced.
    /// </summary>
    static bool IsStructField(Instruction i)
    {
        var field = (FieldReference)i.Operand;
        if (RefTypes.IsRefField(field)) return false;
        try { return field.DeclaringType.Resolve()?.IsValueType ?? field.DeclaringType.IsValueType; }
        catch (AssemblyResolutionException) { return field.DeclaringType.IsValueType; }
    }

    /// <param name="guard">A flag set when the access's loop passed its merged range check: the shadow check is skipped then.</param>
    void Insert(MethodContext ctx, Instruction access, bool isWrite, int depth, AccessSize size, FieldReference? field, BindingSites? sites, bool throughReference,
        VariableDefinition? guard = null)
    {
        var module = ctx.Module;
        var code = new List<Instruction>();
        var byteRef = new ByReferenceType(module.Module.TypeSystem.Byte);

        if (access.OpCode.Code is Code.Cpblk or Code.Initblk)
        {
            // [dest, src|value, size]: spill, check, reload. Addresses spill into byref temps (GC-safe for managed ones).
            bool copy = access.OpCode.Code == Code.Cpblk;
            var sizeTemp = ctx.Temp(module.Module.TypeSystem.UInt32);
            var secondTemp = copy ? ctx.Temp(byteRef) : ctx.Temp(module.Module.TypeSystem.Int32);
            var destTemp = ctx.Temp(new ByReferenceType(module.Module.TypeSystem.SByte));
            code.Add(Instruction.Create(OpCodes.Stloc, sizeTemp));
            code.Add(Instruction.Create(OpCodes.Stloc, secondTemp));
            code.Add(Instruction.Create(OpCodes.Stloc, destTemp));
            code.Add(Instruction.Create(OpCodes.Ldloc, destTemp));
            code.Add(Instruction.Create(OpCodes.Conv_U));
            if (copy) { code.Add(Instruction.Create(OpCodes.Ldloc, secondTemp)); code.Add(Instruction.Create(OpCodes.Conv_U)); }
            code.Add(Instruction.Create(OpCodes.Ldloc, sizeTemp));
            var constantIndex = code.Count;
            code.Add(Instruction.Create(OpCodes.Nop));   // site placeholder, replaced below
            code.Add(Instruction.Create(OpCodes.Call, module.Entry(Checks, copy ? "CheckCopyBlock" : "CheckInitBlock")));
            code.Add(Instruction.Create(OpCodes.Ldloc, destTemp));
            code.Add(Instruction.Create(OpCodes.Ldloc, secondTemp));
            code.Add(Instruction.Create(OpCodes.Ldloc, sizeTemp));
            var moved = ctx.Editor.InsertBefore(access, code);
            ReplaceWithSite(ctx, code[constantIndex], moved, throughReference);
            ctx.Checks++;
            ctx.Changed = true;
            return;
        }

        VariableDefinition? valueTemp = null;
        if (depth == 1)
        {
            valueTemp = ctx.Temp(ValueType(access, field, module.Module));
            code.Add(Instruction.Create(OpCodes.Stloc, valueTemp));
        }
        var skip = Instruction.Create(OpCodes.Nop);
        if (guard is not null)
        {
            code.Add(Instruction.Create(OpCodes.Ldloc, guard));
            code.Add(Instruction.Create(OpCodes.Brtrue, skip));
        }
        code.Add(Instruction.Create(OpCodes.Dup));
        if (field is not null) code.Add(Instruction.Create(OpCodes.Ldflda, field));
        code.Add(Instruction.Create(OpCodes.Conv_U));
        string prefix = isWrite ? "Store" : "Load";
        var placeholders = new List<Instruction> { Instruction.Create(OpCodes.Nop) };
        if (size.Bytes is int n && n is 1 or 2 or 4 or 8 or 16)
        {
            code.Add(placeholders[0]);
            code.Add(Instruction.Create(OpCodes.Call, module.Entry(Checks, prefix + n + _suffix)));
        }
        else
        {
            code.Add(size.Bytes is int m ? Instruction.Create(OpCodes.Ldc_I4, m) : Instruction.Create(OpCodes.Sizeof, size.Type!));
            code.Add(placeholders[0]);
            code.Add(Instruction.Create(OpCodes.Call, module.Entry(Checks, prefix + "N" + _suffix)));
        }
        if (guard is not null) code.Add(skip);
        var bindingSite = Instruction.Create(OpCodes.Nop);
        if (size.Bytes is int bytes && sites?.CheckFor(access, depth, bytes, field, isWrite, bindingSite) is { } binding)
        {
            placeholders.Add(bindingSite);
            code.AddRange(binding);
        }
        if (valueTemp is not null) code.Add(Instruction.Create(OpCodes.Ldloc, valueTemp));
        var original = ctx.Editor.InsertBefore(access, code);
        // Only the shadow check's site carries the reference flag (its slow path forgives unpin poison for references).
        for (int k = 0; k < placeholders.Count; k++) ReplaceWithSite(ctx, placeholders[k], original, throughReference: k == 0 && throughReference);
        ctx.Checks++;
        ctx.Changed = true;
    }

    /// <summary>Turns a placeholder nop (already in the body) into the site constant of <paramref name="target"/>.</summary>
    static void ReplaceWithSite(MethodContext ctx, Instruction placeholder, Instruction target, bool throughReference)
    {
        var site = ctx.SiteOf(target, throughReference);
        ctx.Editor.Processor.Replace(placeholder, site);
        ctx.Editor.Inserted.Add(site);
    }

    static TypeReference ValueType(Instruction access, FieldReference? field, ModuleDefinition module) => access.OpCode.Code switch
    {
        Code.Stind_I1 or Code.Stind_I2 or Code.Stind_I4 => module.TypeSystem.Int32,
        Code.Stind_I8 => module.TypeSystem.Int64,
        Code.Stind_I => module.TypeSystem.IntPtr,
        Code.Stind_R4 => module.TypeSystem.Single,
        Code.Stind_R8 => module.TypeSystem.Double,
        Code.Stind_Ref => module.TypeSystem.Object,
        Code.Stobj => (TypeReference)access.Operand,
        Code.Stfld => StackTypeOf(FieldType(field!)!, module),
        Code.Call => ByRefLikeUnsafeCall.Of(access)!.Spilled!,
        _ => throw new InvalidOperationException(access.ToString()),
    };

    // Small integer fields are int32 on the evaluation stack.
    static TypeReference StackTypeOf(TypeReference t, ModuleDefinition module) => t.MetadataType switch
    {
        MetadataType.Boolean or MetadataType.Byte or MetadataType.SByte or MetadataType.Int16 or MetadataType.UInt16 or MetadataType.Char => module.TypeSystem.Int32,
        _ => t,
    };
}

/// <summary>The size of an access: a constant, the size of a type (emitted as <c>sizeof</c>), or a block size taken from the stack.</summary>
public readonly record struct AccessSize(int? Bytes, TypeReference? Type)
{
    public static AccessSize Block => new(null, null);
    public static AccessSize Fixed(int n) => new(n, null);

    public static AccessSize Of(TypeReference type) => type.MetadataType switch
    {
        MetadataType.Boolean or MetadataType.Byte or MetadataType.SByte => Fixed(1),
        MetadataType.Char or MetadataType.Int16 or MetadataType.UInt16 => Fixed(2),
        MetadataType.Int32 or MetadataType.UInt32 or MetadataType.Single => Fixed(4),
        MetadataType.Int64 or MetadataType.UInt64 or MetadataType.Double or MetadataType.IntPtr or MetadataType.UIntPtr
            or MetadataType.Pointer or MetadataType.FunctionPointer or MetadataType.String or MetadataType.Object or MetadataType.Class
            or MetadataType.Array => Fixed(8),
        // A reference is pointer-sized whatever its type arguments: no `sizeof` of a generic instance needed.
        MetadataType.GenericInstance when !type.IsValueType => Fixed(8),
        _ => new AccessSize(null, type),
    };
}
