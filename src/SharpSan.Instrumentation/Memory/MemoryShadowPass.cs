using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Memory;

/// <summary>
/// MemorySanitizer's propagation (MSan's instrumentation, on IL): every value that may be undefined carries its shadow
/// (a long, one bit per data bit, 0 = defined) and origin (an int) in locals beside the evaluation stack — one pair per
/// stack depth and per tainted IL local — moved by stack-neutral code around each instruction. Pointer loads read the
/// shadow memory, pointer stores write it, arithmetic combines operand shadows (MSan's approximations), and the uses
/// MSan checks (conditional branches, switch, dereferenced addresses, divisors, array indices, stackalloc sizes,
/// P/Invoke arguments) report an undefined value. <c>stackalloc</c> in a method without localsinit comes from
/// <see cref="MemoryStackName"/>, undefined. Methods without pointer or by-reference memory operations are untouched.
/// </summary>
/// <param name="stackAllocator">
/// The runtime type whose Alloc/Release replace <c>localloc</c> and free at returns. Alone: <see cref="MemoryStackName"/>,
/// for methods without localsinit only. Combined with address: every localloc goes to the given allocator (ASan's fake
/// stack, redzones and all, with definedness on top), so address's stackalloc pass finds none left.
/// </param>
/// <param name="guardLoops">
/// Memory mode alone: counted pointer loops get a definedness test on entry that lets their accesses skip the shadow,
/// and a clean one runs an uninstrumented copy of itself (see <see cref="Emitter"/>'s GuardLoops). Off when other
/// passes follow: they must see every access, and address's loop merging must still recognise its shape.
/// </param>
public sealed partial class MemoryShadowPass(string? stackAllocator = null, bool guardLoops = false) : IInstrumentationPass
{
    const string Checks = "SharpSan.Runtime.Memory.MemoryChecks";
    const string MemoryStackName = "SharpSan.Runtime.Memory.MemoryStack";
    const string RentedArraysName = "SharpSan.Runtime.Memory.RentedArrays";

    public string Name => "memory-shadow";

    FieldShadows _fields = FieldShadows.None;

    public void Prepare(IReadOnlyList<MethodContext> methods)
    {
        _fields = methods.Count == 0 ? FieldShadows.None : FieldShadows.Add(methods[0].Module.Module, methods.Select(m => m.Method).ToList());
    }

    public void Run(MethodContext ctx)
    {
        var body = ctx.Method.Body;
        if (!Touches(ctx.Method, _fields.HasAny)) return;
        var structs = StructLocals.Of(ctx.Method, _fields.HasStruct);
        var flow = new ShadowFlow(ctx.Method, _fields.Has, structs, _fields.HasStruct);   // throws (and the method is skipped untouched) on malformed stacks
        new Emitter(ctx, flow, _fields, structs, checks: !IsExempt(ctx.Method), stackAllocator, guardLoops).Run();
    }

    /// <summary>
    /// Memory operations the shadow must see: loads and stores through addresses, block operations, stackalloc, and
    /// any access to a field with a shadow.
    /// </summary>
    public static bool Touches(MethodDefinition method, Func<FieldReference, bool> shadowedField)
    {
        if (!method.HasBody) return false;
        if (method.Body.Instructions.Any(i => i.OpCode.Code is Code.Ldfld or Code.Stfld or Code.Ldsfld or Code.Stsfld or Code.Ldflda or Code.Ldsflda
                && shadowedField((FieldReference)i.Operand)))
            return true;
        bool addressed = method.Body.Instructions.Any(i => i.OpCode.Code is Code.Ldind_I1 or Code.Ldind_U1 or Code.Ldind_I2 or Code.Ldind_U2
            or Code.Ldind_I4 or Code.Ldind_U4 or Code.Ldind_I8 or Code.Ldind_I or Code.Ldind_R4 or Code.Ldind_R8 or Code.Ldind_Ref
            or Code.Stind_I1 or Code.Stind_I2 or Code.Stind_I4 or Code.Stind_I8 or Code.Stind_I or Code.Stind_R4 or Code.Stind_R8 or Code.Stind_Ref
            or Code.Ldobj or Code.Stobj or Code.Cpblk or Code.Initblk or Code.Localloc or Code.Initobj
            or Code.Ldelem_I1 or Code.Ldelem_U1 or Code.Ldelem_I2 or Code.Ldelem_U2 or Code.Ldelem_I4 or Code.Ldelem_U4 or Code.Ldelem_I8
            or Code.Ldelem_I or Code.Ldelem_R4 or Code.Ldelem_R8 or Code.Ldelem_Any or Code.Ldelema
            or Code.Stelem_I1 or Code.Stelem_I2 or Code.Stelem_I4 or Code.Stelem_I8 or Code.Stelem_I or Code.Stelem_R4 or Code.Stelem_R8 or Code.Stelem_Any);
        if (addressed || method.Body.Instructions.Any(i => MemoryCall.Of(i) is not null || ShadowFlow.SkippedLocal(i, method) is not null || MayWriteSpan(i, method)))
            return true;
        // An array handed to code outside the module must be seen to escape (EscapeArrayArguments).
        if (method.Body.Instructions.Any(i => i.OpCode.FlowControl == FlowControl.Call && i.OpCode.Code != Code.Calli
                && i.Operand is MethodReference target && target.DeclaringType.Scope != method.Module
                && target.Parameters.Any(p => ValueKinds.Strip(p.ParameterType) is ArrayType || p.ParameterType.FullName == "System.Array")))
            return true;
        bool hasAddresses = method.Parameters.Any(p => ValueKinds.Of(p.ParameterType) is ValueKind.NativeInt or ValueKind.ByRef)
            || method.Body.Variables.Any(v => ValueKinds.Of(v.VariableType) is ValueKind.NativeInt or ValueKind.ByRef)
            || method.HasThis && method.DeclaringType.IsValueType;
        return hasAddresses && method.Body.Instructions.Any(i => i.OpCode.Code is Code.Ldfld or Code.Stfld);
    }

    /// <summary>[NoSanitize] on the method or an enclosing type: the shadow is still kept (stores define), but nothing is reported.</summary>
    static bool IsExempt(MethodDefinition method)
    {
        static bool Has(ICustomAttributeProvider p) => p.CustomAttributes.Any(a => a.AttributeType.Name == "NoSanitizeAttribute");
        if (Has(method)) return true;
        for (var type = method.DeclaringType; type is not null; type = type.DeclaringType)
            if (Has(type)) return true;
        return false;
    }

    /// <summary>Plans the code around each instruction from the flow's stack states, then applies it.</summary>
    sealed partial class Emitter(MethodContext ctx, ShadowFlow flow, FieldShadows fields, StructLocals structLocals, bool checks, string? stackAllocator, bool guardLoops)
    {
        readonly ModuleDefinition _module = ctx.Method.Module;
        readonly Dictionary<int, VariableDefinition> _shadows = [], _origins = [], _localShadows = [], _localOrigins = [];
        readonly List<(Instruction At, List<Instruction> Before, List<Instruction> After, MethodReference? Replace)> _edits = [];
        bool _stackAllocs;

        TypeSystem Types => _module.TypeSystem;

        VariableDefinition NewLocal(TypeReference type)
        {
            var v = new VariableDefinition(type);
            ctx.Method.Body.Variables.Add(v);
            return v;
        }

        VariableDefinition S(int depth) => _shadows.TryGetValue(depth, out var v) ? v : _shadows[depth] = NewLocal(Types.Int64);
        VariableDefinition O(int depth) => _origins.TryGetValue(depth, out var v) ? v : _origins[depth] = NewLocal(Types.Int32);
        VariableDefinition L(int local) => _localShadows.TryGetValue(local, out var v) ? v : _localShadows[local] = NewLocal(Types.Int64);
        VariableDefinition LO(int local) => _localOrigins.TryGetValue(local, out var v) ? v : _localOrigins[local] = NewLocal(Types.Int32);

        MethodReference Entry(string name) => ctx.Module.Entry(Checks, name);

        public void Run()
        {
            var originals = ctx.Method.Body.Instructions.Where(i => !ctx.Editor.Inserted.Contains(i)).ToList();
            GuardLoops();
            foreach (var i in originals)
            {
                if (!flow.Before.TryGetValue(i, out var stack)) continue;   // unreachable
                var before = new List<Instruction>();
                var after = new List<Instruction>();
                MethodReference? replace = null;
                Plan(i, stack, before, after, ref replace);
                if (before.Count > 0 || after.Count > 0 || replace is not null) _edits.Add((i, before, after, replace));
            }
            if (_edits.Count == 0 && flow.TaintedLocals.Count == 0) return;
            foreach (var (at, before, after, replace) in _edits)
            {
                var moved = ctx.Editor.InsertBefore(at, before);
                if (replace is not null)
                {
                    moved.OpCode = OpCodes.Call;
                    moved.Operand = replace;
                    ctx.Editor.Inserted.Add(moved);
                    ctx.Retarget(at, moved);
                }
                if (after.Count > 0) ctx.Editor.InsertAfter(moved, after);
            }
            InsertLoopClones();
            var prologue = new List<Instruction>();
            foreach (int local in flow.TaintedLocals)
            {
                prologue.Add(Instruction.Create(OpCodes.Ldc_I8, 0L));
                prologue.Add(Instruction.Create(OpCodes.Stloc, L(local)));
            }
            StructLocalsPrologue(prologue);
            if (prologue.Count > 0) ctx.InsertPrologue(prologue);
            if (_stackAllocs) ReleaseStackAllocsAtReturns();
            ctx.Changed = true;
        }

        void ReleaseStackAllocsAtReturns()
        {
            var release = ctx.Module.Entry(stackAllocator ?? MemoryStackName, "Release");
            foreach (var ret in ctx.Method.Body.Instructions.Where(i => i.OpCode.Code == Code.Ret && !ctx.Editor.Inserted.Contains(i)).ToList())
            {
                var at = ret.Previous is { } call && call.Previous is { OpCode.Code: Code.Tail } ? call.Previous : ret;
                ctx.Editor.InsertBefore(at, [Instruction.Create(OpCodes.Ldloc, ctx.FrameLocal), Instruction.Create(OpCodes.Call, release)]);
            }
            ctx.NeedsFrame = true;
        }

        /// <summary>A use of the value at <paramref name="depth"/> that MSan checks (kind: Branch, Address, Operand).</summary>
        void Check(List<Instruction> code, Instruction at, int depth, string kind)
        {
            if (!checks) return;
            code.Add(Instruction.Create(OpCodes.Ldloc, S(depth)));
            code.Add(Instruction.Create(OpCodes.Ldloc, O(depth)));
            var site = ctx.SiteOf(at);
            ctx.Editor.Inserted.Add(site);
            code.Add(site);
            code.Add(Instruction.Create(OpCodes.Call, Entry(kind)));
            ctx.Checks++;
        }

        /// <summary>An untainted value pushed at a depth where tainted ones meet it at a branch target: its shadow must be written (0).</summary>
        void Defined(List<Instruction> after, int depth)
        {
            if (!flow.JoinDepths.Contains(depth)) return;
            after.Add(Instruction.Create(OpCodes.Ldc_I8, 0L));
            after.Add(Instruction.Create(OpCodes.Stloc, S(depth)));
        }

        /// <summary>Keeps a 32-bit value's shadow sign-extended in its long (the invariant every Int32 shadow follows).</summary>
        static void Normalize(List<Instruction> code, ValueKind kind)
        {
            if (kind != ValueKind.Int32) return;
            code.Add(Instruction.Create(OpCodes.Conv_I4));
            code.Add(Instruction.Create(OpCodes.Conv_I8));
        }

        void Plan(Instruction i, System.Collections.Immutable.ImmutableArray<Slot> st, List<Instruction> before, List<Instruction> after, ref MethodReference? replace)
        {
            int n = st.Length;
            var code = i.OpCode.Code;
            var (pops, pushes) = StackEffects.Of(i, ctx.Method);
            int result = n - pops;
            if (flow.Views.Escapes.TryGetValue(i, out var handedOn)) EscapeViewArray(handedOn, before);
            switch (code)
            {
                case Code.Call when flow.Views.Items.TryGetValue(i, out var itemOf):
                    RememberViewItem(i, itemOf, before);
                    Defined(after, result);
                    return;
                case Code.Ldflda when fields.StructOf((FieldReference)i.Operand) is { } structCompanions:
                    StructFieldAddress(i, structCompanions, st, before);
                    Defined(after, result);
                    return;
                case Code.Ldfld when st[n - 1].StructField is { } structAddress && flow.FollowedStructFields.Contains(structAddress):
                    StructPartLoad((FieldReference)i.Operand, structAddress, n - 1, before);
                    return;
                case Code.Stfld when st[n - 2].StructField is { } structAddress && flow.FollowedStructFields.Contains(structAddress):
                    StructPartStore((FieldReference)i.Operand, structAddress, st, before);
                    return;
                case Code.Stfld when fields.StructOf((FieldReference)i.Operand) is { } structCompanions:
                    StructFieldValueStore(i, structCompanions, before);
                    return;
                case Code.Ldfld when fields.HasStruct((FieldReference)i.Operand):
                    StructFieldValueLoad(i, before);
                    Defined(after, result);
                    return;
                case Code.Ldloc when flow.Views.RefItems.TryGetValue(i, out var refItemOf):
                    RememberRefItem(i, refItemOf);
                    Defined(after, n);
                    return;
                case Code.Ldloc:
                {
                    int index = ((VariableDefinition)i.Operand).Index;
                    if (flow.Pushed(i).Tainted)
                        after.AddRange([Ld(L(index)), St(S(n)), Ld(LO(index)), St(O(n))]);
                    else Defined(after, n);
                    return;
                }
                case Code.Stloc when structLocals.Has((VariableDefinition)i.Operand):
                    StructLocalStore(i, (VariableDefinition)i.Operand, before);
                    return;
                case Code.Ldloca when structLocals.Has((VariableDefinition)i.Operand):
                    if ((i.Next is not { } read || structLocals.FieldReadLocal(read, JumpTargets.Contains) is null) && !StoresOneField(i))
                        DefineStructLocal((VariableDefinition)i.Operand, before);
                    Defined(after, n);
                    return;
                case Code.Stfld when _structFieldStores.TryGetValue(i, out var structLocal):
                    StructFieldStore(i, structLocal, st, before);
                    return;
                case Code.Ldfld when structLocals.FieldReadLocal(i, JumpTargets.Contains) is { } structLocal:
                    StructFieldLoad(i, structLocal, n - 1, before);
                    return;
                case Code.Stloc:
                {
                    int index = ((VariableDefinition)i.Operand).Index;
                    if (!flow.TaintedLocals.Contains(index)) return;
                    if (st[n - 1].Tainted) before.AddRange([Ld(S(n - 1)), St(L(index)), Ld(O(n - 1)), St(LO(index))]);
                    else before.AddRange([Instruction.Create(OpCodes.Ldc_I8, 0L), St(L(index))]);
                    return;
                }
                case Code.Ldloca:
                {
                    // Whatever is written through the address is not seen: the local is taken as defined from here on.
                    int index = ((VariableDefinition)i.Operand).Index;
                    if (ShadowFlow.SkippedLocal(i, ctx.Method) is { } skipped) SkipInit(i, skipped, before);
                    else if (flow.TaintedLocals.Contains(index))
                    {
                        CheckLocalFormatted(i, index, before);
                        before.AddRange([Instruction.Create(OpCodes.Ldc_I8, 0L), St(L(index))]);
                    }
                    Defined(after, n);
                    return;
                }
                case Code.Dup:
                    if (st[n - 1].Tainted) after.AddRange([Ld(S(n - 1)), St(S(n)), Ld(O(n - 1)), St(O(n))]);
                    else Defined(after, n);
                    return;
                case Code.Ldind_I1 or Code.Ldind_U1 or Code.Ldind_I2 or Code.Ldind_U2 or Code.Ldind_I4 or Code.Ldind_U4
                    or Code.Ldind_I8 or Code.Ldind_I or Code.Ldind_R4 or Code.Ldind_R8 or Code.Ldind_Ref or Code.Ldobj:
                    Load(i, st, before, after);
                    if (code == Code.Ldobj) RememberCopySource(i, st[n - 1], before);
                    return;
                case Code.Stind_I1 or Code.Stind_I2 or Code.Stind_I4 or Code.Stind_I8 or Code.Stind_I or Code.Stind_R4 or Code.Stind_R8
                    or Code.Stind_Ref or Code.Stobj:
                    Store(i, st, before);
                    return;
                case Code.Ldfld when fields.Of((FieldReference)i.Operand) is { } companions:
                    ObjectFieldLoad(i, companions, st, before, after);
                    return;
                case Code.Stfld when fields.Of((FieldReference)i.Operand) is { } companions:
                    ObjectFieldStore(i, companions, st, before);
                    return;
                case Code.Ldsfld when fields.Of((FieldReference)i.Operand) is { } companions:
                    StaticFieldLoad(i, companions, st, before, after);
                    return;
                case Code.Stsfld when fields.Of((FieldReference)i.Operand) is { } companions:
                    StaticFieldStore(i, companions, st, before);
                    return;
                case Code.Ldflda or Code.Ldsflda when fields.Of((FieldReference)i.Operand) is { } companions:
                    FieldAddressTaken(i, companions, before);
                    Defined(after, result);
                    return;
                case Code.Ldfld:
                    FieldLoad(i, st, before, after);
                    return;
                case Code.Stfld:
                    FieldStore(i, st, before);
                    return;
                case Code.Initobj:
                    if (st[n - 1].Tainted) Check(before, i, n - 1, "Address");
                    if (!st[n - 1].OffNativeShadow)
                        before.AddRange([Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Conv_U), Instruction.Create(OpCodes.Sizeof, (TypeReference)i.Operand), Instruction.Create(OpCodes.Call, Entry("Define"))]);
                    return;
                case Code.Cpblk or Code.Initblk:
                    Block(i, st, before);
                    return;
                case Code.Localloc:
                    if (st[n - 1].Tainted) Check(before, i, n - 1, "Operand");
                    if (!ctx.Method.Body.InitLocals || stackAllocator is not null)
                    {
                        var site = ctx.SiteOf(i);
                        ctx.Editor.Inserted.Add(site);
                        before.AddRange([Instruction.Create(OpCodes.Ldloc, ctx.FrameLocal), site, Instruction.Create(ctx.Method.Body.InitLocals ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0)]);
                        replace = ctx.Module.Entry(stackAllocator ?? MemoryStackName, "Alloc");
                        _stackAllocs = true;
                        ctx.NeedsFrame = true;
                    }
                    Defined(after, result);
                    return;
                case Code.Brtrue or Code.Brfalse or Code.Switch:
                    if (st[n - 1].Tainted) Check(before, i, n - 1, "Branch");
                    return;
                case Code.Beq or Code.Bne_Un or Code.Bge or Code.Bge_Un or Code.Bgt or Code.Bgt_Un or Code.Ble or Code.Ble_Un or Code.Blt or Code.Blt_Un:
                    BranchOnTwo(i, st, before);
                    return;
                case Code.Div or Code.Div_Un or Code.Rem or Code.Rem_Un:
                    if (st[n - 1].Tainted) Check(before, i, n - 1, "Operand");
                    if (!st[n - 2].Tainted) Defined(after, result);
                    else Normalize2(after, result, flow.Pushed(i).Kind);
                    return;
                case Code.Add or Code.Sub or Code.Mul or Code.And or Code.Or or Code.Xor
                    or Code.Add_Ovf or Code.Add_Ovf_Un or Code.Sub_Ovf or Code.Sub_Ovf_Un or Code.Mul_Ovf or Code.Mul_Ovf_Un:
                    Arithmetic(i, st, after);
                    return;
                case Code.Shl or Code.Shr or Code.Shr_Un:
                    Shift(i, st, before, after);
                    return;
                case Code.Ceq or Code.Cgt or Code.Cgt_Un or Code.Clt or Code.Clt_Un:
                    Compare(i, st, after);
                    return;
                case Code.Neg or Code.Not or Code.Ckfinite:
                    if (!st[n - 1].Tainted) Defined(after, result);
                    return;
                case Code.Ldelem_I1 or Code.Ldelem_U1 or Code.Ldelem_I2 or Code.Ldelem_U2 or Code.Ldelem_I4 or Code.Ldelem_U4 or Code.Ldelem_I8
                    or Code.Ldelem_I or Code.Ldelem_R4 or Code.Ldelem_R8 or Code.Ldelem_Ref or Code.Ldelem_Any:
                    if (st[n - 1].Tainted) Check(before, i, n - 1, "Operand");
                    ElementLoad(i, st, before, after);
                    return;
                case Code.Ldelema:
                    if (st[n - 1].Tainted) Check(before, i, n - 1, "Operand");
                    // A followed element's loads and stores use the array's shadow; any other element address hides its
                    // writes, so the array is taken as defined from here on.
                    if (flow.FollowedElements.Contains(i)) RememberElement(i, st[n - 1].Kind, before);
                    else if (flow.Views.RefCreations.TryGetValue(i, out var refLocal)) CaptureRefElement(refLocal, before);
                    else EscapeUnderTop(before, st[n - 1].Kind);
                    Defined(after, result);
                    return;
                case Code.Newarr:
                    if (st[n - 1].Tainted) Check(before, i, n - 1, "Operand");
                    Defined(after, result);
                    return;
                case Code.Stelem_I1 or Code.Stelem_I2 or Code.Stelem_I4 or Code.Stelem_I8 or Code.Stelem_I or Code.Stelem_R4 or Code.Stelem_R8
                    or Code.Stelem_Any:
                    if (st[n - 2].Tainted) Check(before, i, n - 2, "Operand");
                    ElementStore(i, st, before);
                    return;
                case Code.Stelem_Ref:
                    if (st[n - 2].Tainted) Check(before, i, n - 2, "Operand");
                    return;
                case Code.Call or Code.Callvirt when MemoryCall.Of(i) is { } access:
                    MemoryCallAccess(i, access, st, before, after);
                    return;
                case Code.Ret:
                    CheckReturn(i, st, before);
                    return;
                case Code.Box:
                    CheckBoxedForFormatting(i, st, before);
                    Defined(after, result);
                    return;
                case Code.Call or Code.Callvirt or Code.Calli or Code.Newobj:
                    CheckArguments(i, st, pops, before);
                    CheckFormattedArguments(i, st, pops, before);
                    Call(i, st, pops, before);
                    if (flow.Views.Creations.TryGetValue(i, out var view)) CaptureViewArray(view, before);
                    else EscapeArrayArguments(i, st, pops, before);
                    DefineWrittenSpans(i, before);
                    if (pushes > 0) Defined(after, result);
                    return;
            }
            if (IsConversion(code))
            {
                Convert(i, st, after);
                return;
            }
            if (pushes > 0) Defined(after, result);
        }

        void Normalize2(List<Instruction> after, int depth, ValueKind kind)
        {
            if (kind != ValueKind.Int32) return;
            after.Add(Ld(S(depth)));
            Normalize(after, kind);
            after.Add(St(S(depth)));
        }

        static int? LoadSize(Instruction i) => i.OpCode.Code switch
        {
            Code.Ldind_I1 or Code.Ldind_U1 or Code.Stind_I1 => 1,
            Code.Ldind_I2 or Code.Ldind_U2 or Code.Stind_I2 => 2,
            Code.Ldind_I4 or Code.Ldind_U4 or Code.Ldind_R4 or Code.Stind_I4 or Code.Stind_R4 => 4,
            Code.Ldind_I8 or Code.Ldind_I or Code.Ldind_R8 or Code.Ldind_Ref or Code.Stind_I8 or Code.Stind_I or Code.Stind_R8 or Code.Stind_Ref => 8,
            Code.Ldobj or Code.Stobj => ValueKinds.SizeOf((TypeReference)i.Operand),
            _ => null,
        };

        /// <summary>The conversion that gives a loaded narrow value's shadow the same extension as the value (ldind.i1 sign-extends).</summary>
        static OpCode? Extension(Instruction i) => i.OpCode.Code switch
        {
            Code.Ldind_I1 => OpCodes.Conv_I1,
            Code.Ldind_I2 => OpCodes.Conv_I2,
            Code.Ldind_I4 or Code.Ldind_U4 => OpCodes.Conv_I4,
            Code.Ldobj when ValueKinds.IsSignedNarrow((TypeReference)i.Operand) => ValueKinds.SizeOf((TypeReference)i.Operand) == 1 ? OpCodes.Conv_I1 : OpCodes.Conv_I2,
            Code.Ldobj when ValueKinds.SizeOf((TypeReference)i.Operand) == 4 && ValueKinds.Of((TypeReference)i.Operand) == ValueKind.Int32 => OpCodes.Conv_I4,
            _ => null,
        };

        void Load(Instruction i, System.Collections.Immutable.ImmutableArray<Slot> st, List<Instruction> before, List<Instruction> after)
        {
            int n = st.Length;
            if (st[n - 1].Tainted) Check(before, i, n - 1, "Address");
            var pushed = flow.Pushed(i);
            if (pushed.Tainted && st[n - 1].Element is { } element)
            {
                ElementShadowLoad(element, n - 1, Extension(i), before);
                return;
            }
            if (pushed.Tainted && PartAddress(st[n - 1]) is { } structPart)
            {
                StructPartLoad(structPart.Part, structPart.Field, n - 1, before);
                return;
            }
            if (!pushed.Tainted || LoadSize(i) is not { } size)
            {
                Defined(after, n - 1);
                return;
            }
            if (_coveredBy.TryGetValue(i, out var flag)) EmitGuardedShadowLoad(before, flag, n - 1, size, Extension(i));
            else EmitShadowLoad(before, n - 1, size, Extension(i), null);
        }

        /// <summary>[address] → [address], with the shadow and origin of the bytes there in the slot's locals.</summary>
        void EmitShadowLoad(List<Instruction> before, int depth, int size, OpCode? extension, FieldReference? field)
        {
            // Shadow, then origin from the shadow: no ldloca of the origin local, which would keep it in memory.
            void Address()
            {
                before.Add(Instruction.Create(OpCodes.Dup));
                if (field is not null) before.Add(Instruction.Create(OpCodes.Ldflda, field));
                before.AddRange([Instruction.Create(OpCodes.Conv_U), Instruction.Create(OpCodes.Ldc_I4, size)]);
            }
            Address();
            before.Add(Instruction.Create(OpCodes.Call, Entry("LoadShadow")));
            if (extension is { } ext) before.AddRange([Instruction.Create(ext), Instruction.Create(OpCodes.Conv_I8)]);
            before.Add(St(S(depth)));
            Address();
            before.AddRange([Ld(S(depth)), Instruction.Create(OpCodes.Call, Entry("LoadOrigin")), St(O(depth))]);
        }

        void Store(Instruction i, System.Collections.Immutable.ImmutableArray<Slot> st, List<Instruction> before)
        {
            int n = st.Length;
            if (st[n - 2].Tainted) Check(before, i, n - 2, "Address");
            if (st[n - 2].Element is { } element)
            {
                ElementShadowStore(i, element, st[n - 1], n - 1, before);
                return;
            }
            if (PartAddress(st[n - 2]) is { } structPart)
            {
                StructPartStore(structPart.Part, structPart.Field, st, before);
                return;
            }
            if (st[n - 2].OffNativeShadow) return;
            var valueType = StoredType(i);
            var temp = ctx.Temp(valueType);
            before.Add(St(temp));
            void ShadowStore(List<Instruction> code)
            {
                code.Add(Instruction.Create(OpCodes.Dup));
                code.Add(Instruction.Create(OpCodes.Conv_U));
                if (i.OpCode.Code == Code.Stobj && CopiedFrom(i) is { } source) EmitShadowCopy(code, source, (TypeReference)i.Operand);
                else if (StoredStructLocal(i) is { } structLocal) EmitStructLocalShadowStore(code, structLocal);
                else if (i.OpCode.Code == Code.Stobj && StructFieldSource(i) is { } fieldSource) EmitStructFieldShadowStore(code, fieldSource);
                else EmitShadowStore(code, i, st[n - 1], n - 1, i.OpCode.Code == Code.Stobj ? (TypeReference)i.Operand : null, LoadSize(i));
            }
            if (_coveredBy.TryGetValue(i, out var flag)) EmitGuardedShadowStore(before, i, flag, st[n - 1], n - 1, ShadowStore);
            else
            {
                ShadowStore(before);
                ClearLoopFlags(before, i, st[n - 1], n - 1);
            }
            before.Add(Instruction.Create(OpCodes.Ldloc, temp));
        }

        /// <summary>[native address] → [], recording a store of the value in slot <paramref name="depth"/> (defined when it is untainted or not a scalar).</summary>
        void EmitShadowStore(List<Instruction> code, Instruction at, Slot value, int depth, TypeReference? type, int? size)
        {
            if (size is { } bytes)
            {
                code.Add(Instruction.Create(OpCodes.Ldc_I4, bytes));
                if (value.Tainted) code.AddRange([Ld(S(depth)), Ld(O(depth))]);
                else code.AddRange([Instruction.Create(OpCodes.Ldc_I8, 0L), Instruction.Create(OpCodes.Ldc_I4_0)]);
                // The store's site: track_origins=2 names it in the origin chain (msan-bcl's hook; the runtime ignores it otherwise).
                var site = ctx.SiteOf(at);
                ctx.Editor.Inserted.Add(site);
                code.Add(site);
                code.Add(Instruction.Create(OpCodes.Call, ctx.Module.Entry(Checks, "Store", 5)));
            }
            else
            {
                // A ref field (`ref T reference`) holds a pointer: `sizeof T&` is invalid IL (CommunityToolkit's Span2D).
                code.Add(Instruction.Create(OpCodes.Sizeof, type is ByReferenceType ? Types.IntPtr : type!));
                code.Add(Instruction.Create(OpCodes.Call, Entry("Define")));
            }
        }

        TypeReference StoredType(Instruction i) => i.OpCode.Code switch
        {
            Code.Stind_I1 or Code.Stind_I2 or Code.Stind_I4 => Types.Int32,
            Code.Stind_I8 => Types.Int64,
            Code.Stind_I => Types.IntPtr,
            Code.Stind_R4 => Types.Single,
            Code.Stind_R8 => Types.Double,
            Code.Stind_Ref => Types.Object,
            _ => (TypeReference)i.Operand,
        };

        static bool ThroughAddress(Slot target) => target.Kind is ValueKind.NativeInt or ValueKind.ByRef && !target.OffNativeShadow;

        void FieldLoad(Instruction i, System.Collections.Immutable.ImmutableArray<Slot> st, List<Instruction> before, List<Instruction> after)
        {
            int n = st.Length;
            if (st[n - 1].Tainted) Check(before, i, n - 1, "Address");
            var field = (FieldReference)i.Operand;
            if (!flow.Pushed(i).Tainted || ValueKinds.SizeOf(field.FieldType) is not { } size)
            {
                Defined(after, n - 1);
                return;
            }
            OpCode? extension = ValueKinds.IsSignedNarrow(field.FieldType) ? (size == 1 ? OpCodes.Conv_I1 : OpCodes.Conv_I2)
                : size == 4 && ValueKinds.Of(field.FieldType) == ValueKind.Int32 ? OpCodes.Conv_I4 : null;
            EmitShadowLoad(before, n - 1, size, extension, field);
        }

        void FieldStore(Instruction i, System.Collections.Immutable.ImmutableArray<Slot> st, List<Instruction> before)
        {
            int n = st.Length;
            if (st[n - 2].Tainted) Check(before, i, n - 2, "Address");
            if (!ThroughAddress(st[n - 2])) return;
            var field = (FieldReference)i.Operand;
            var temp = ctx.Temp(field.FieldType);
            before.Add(St(temp));
            before.Add(Instruction.Create(OpCodes.Dup));
            before.Add(Instruction.Create(OpCodes.Ldflda, field));
            before.Add(Instruction.Create(OpCodes.Conv_U));
            EmitShadowStore(before, i, st[n - 1], n - 1, field.FieldType, ValueKinds.SizeOf(field.FieldType));
            before.Add(Instruction.Create(OpCodes.Ldloc, temp));
        }

        void Block(Instruction i, System.Collections.Immutable.ImmutableArray<Slot> st, List<Instruction> before)
        {
            int n = st.Length;
            bool copy = i.OpCode.Code == Code.Cpblk;
            if (st[n - 1].Tainted) Check(before, i, n - 1, "Operand");
            if (st[n - 3].Tainted) Check(before, i, n - 3, "Address");
            if (copy && st[n - 2].Tainted) Check(before, i, n - 2, "Address");
            var size = NewLocal(Types.UInt32);
            var middle = NewLocal(copy ? Types.UIntPtr : Types.Byte);
            var destination = NewLocal(Types.UIntPtr);
            before.Add(St(size));
            if (copy) before.Add(Instruction.Create(OpCodes.Conv_U));
            before.AddRange([St(middle), Instruction.Create(OpCodes.Conv_U), St(destination), Ld(destination)]);
            if (copy) before.Add(Ld(middle));
            before.AddRange([Ld(size), Instruction.Create(OpCodes.Call, Entry(copy ? "CopyBlock" : "InitBlock")), Ld(destination), Ld(middle), Ld(size)]);
        }

        void BranchOnTwo(Instruction i, System.Collections.Immutable.ImmutableArray<Slot> st, List<Instruction> before)
        {
            int n = st.Length;
            bool a = st[n - 2].Tainted, b = st[n - 1].Tainted;
            if (a && b && checks)
            {
                var site = ctx.SiteOf(i);
                ctx.Editor.Inserted.Add(site);
                before.AddRange([Ld(S(n - 2)), Ld(O(n - 2)), Ld(S(n - 1)), Ld(O(n - 1)), site, Instruction.Create(OpCodes.Call, Entry("Branch2"))]);
                ctx.Checks++;
            }
            else if (a) Check(before, i, n - 2, "Branch");
            else if (b) Check(before, i, n - 1, "Branch");
        }

        /// <summary>Result shadow from two operands (OR) and the origin of the first undefined one.</summary>
        void CombineInto(List<Instruction> after, int a, int b, bool ta, bool tb)
        {
            if (ta && tb) after.AddRange([Ld(S(a)), Ld(O(a)), Ld(O(b)), Instruction.Create(OpCodes.Call, Entry("PickOrigin")), St(O(a))]);
            else if (tb) after.AddRange([Ld(O(b)), St(O(a))]);
            after.Add(ta ? Ld(S(a)) : Instruction.Create(OpCodes.Ldc_I8, 0L));
            if (tb) after.AddRange([Ld(S(b)), Instruction.Create(OpCodes.Or)]);
        }

        void Arithmetic(Instruction i, System.Collections.Immutable.ImmutableArray<Slot> st, List<Instruction> after)
        {
            int n = st.Length;
            bool ta = st[n - 2].Tainted, tb = st[n - 1].Tainted;
            var kind = flow.Pushed(i).Kind;
            if (!ta && !tb)
            {
                Defined(after, n - 2);
                return;
            }
            // MSan is exact for and/or with a defined operand; here when that operand is a constant: and-ing with 0 bits
            // defines them, or-ing with 1 bits defines them.
            if (ta && !tb && i.OpCode.Code is Code.And or Code.Or && Constant(i.Previous) is { } c)
            {
                after.AddRange([Ld(S(n - 2)), Instruction.Create(OpCodes.Ldc_I8, i.OpCode.Code == Code.And ? c : ~c), Instruction.Create(OpCodes.And)]);
                Normalize(after, kind);
                after.Add(St(S(n - 2)));
                return;
            }
            if (ValueKinds.IsScalar(kind))
            {
                CombineInto(after, n - 2, n - 1, ta, tb);
                Normalize(after, kind);
                after.Add(St(S(n - 2)));
            }
        }

        static long? Constant(Instruction? i) => i?.OpCode.Code switch
        {
            Code.Ldc_I4 => (int)i.Operand,
            Code.Ldc_I8 => (long)i.Operand,
            _ => null,
        };

        void Shift(Instruction i, System.Collections.Immutable.ImmutableArray<Slot> st, List<Instruction> before, List<Instruction> after)
        {
            int n = st.Length;
            bool ta = st[n - 2].Tainted, tb = st[n - 1].Tainted;
            if (!ta && !tb)
            {
                Defined(after, n - 2);
                return;
            }
            var kind = st[n - 2].Kind;
            var count = ctx.Temp(Types.Int32);
            before.Add(Instruction.Create(OpCodes.Dup));
            if (st[n - 1].Kind != ValueKind.Int32) before.Add(Instruction.Create(OpCodes.Conv_I4));
            before.Add(St(count));
            if (ta && tb) after.AddRange([Ld(S(n - 2)), Ld(O(n - 2)), Ld(O(n - 1)), Instruction.Create(OpCodes.Call, Entry("PickOrigin")), St(O(n - 2))]);
            else if (tb) after.AddRange([Ld(O(n - 1)), St(O(n - 2))]);
            if (ta)
            {
                after.Add(Ld(S(n - 2)));
                if (i.OpCode.Code == Code.Shr_Un && kind == ValueKind.Int32) after.AddRange([Instruction.Create(OpCodes.Conv_U4), Instruction.Create(OpCodes.Conv_U8)]);
                after.AddRange([Ld(count), Instruction.Create(i.OpCode)]);
            }
            else after.Add(Instruction.Create(OpCodes.Ldc_I8, 0L));
            // An undefined shift count makes the whole result undefined.
            if (tb) after.AddRange([Ld(S(n - 1)), Instruction.Create(OpCodes.Ldc_I8, 0L), Instruction.Create(OpCodes.Cgt_Un), Instruction.Create(OpCodes.Conv_I8), Instruction.Create(OpCodes.Neg), Instruction.Create(OpCodes.Or)]);
            Normalize(after, kind);
            after.Add(St(S(n - 2)));
        }

        void Compare(Instruction i, System.Collections.Immutable.ImmutableArray<Slot> st, List<Instruction> after)
        {
            int n = st.Length;
            bool ta = st[n - 2].Tainted, tb = st[n - 1].Tainted;
            if (!ta && !tb)
            {
                Defined(after, n - 2);
                return;
            }
            CombineInto(after, n - 2, n - 1, ta, tb);
            // Any undefined operand bit makes the 0/1 result undefined (MSan's default for relational compares).
            after.AddRange([Instruction.Create(OpCodes.Ldc_I8, 0L), Instruction.Create(OpCodes.Cgt_Un), Instruction.Create(OpCodes.Conv_I8), Instruction.Create(OpCodes.Neg), St(S(n - 2))]);
        }

        static bool IsConversion(Code code) => code.ToString().StartsWith("Conv_", StringComparison.Ordinal);

        void Convert(Instruction i, System.Collections.Immutable.ImmutableArray<Slot> st, List<Instruction> after)
        {
            int n = st.Length;
            var source = st[n - 1];
            if (!source.Tainted)
            {
                Defined(after, n - 1);
                return;
            }
            var target = flow.Pushed(i).Kind;
            var code = i.OpCode.Code;
            string name = code.ToString();
            after.Add(Ld(S(n - 1)));
            if (source.Kind == ValueKind.Float || target == ValueKind.Float)
            {
                // Bits do not survive a float conversion: any undefined bit makes the whole result undefined.
                after.AddRange([Instruction.Create(OpCodes.Ldc_I8, 0L), Instruction.Create(OpCodes.Cgt_Un), Instruction.Create(OpCodes.Conv_I8), Instruction.Create(OpCodes.Neg)]);
            }
            else if (name.Contains("I1")) after.AddRange([Instruction.Create(OpCodes.Conv_I1), Instruction.Create(OpCodes.Conv_I8)]);
            else if (name.Contains("U1")) after.AddRange([Instruction.Create(OpCodes.Conv_U1), Instruction.Create(OpCodes.Conv_U8)]);
            else if (name.Contains("I2")) after.AddRange([Instruction.Create(OpCodes.Conv_I2), Instruction.Create(OpCodes.Conv_I8)]);
            else if (name.Contains("U2")) after.AddRange([Instruction.Create(OpCodes.Conv_U2), Instruction.Create(OpCodes.Conv_U8)]);
            else if (target == ValueKind.Int32) after.AddRange([Instruction.Create(OpCodes.Conv_I4), Instruction.Create(OpCodes.Conv_I8)]);
            else if (source.Kind == ValueKind.Int32 && (name.Contains("U8") || name.EndsWith("_U", StringComparison.Ordinal) || name.Contains("_U_Un")))
                after.AddRange([Instruction.Create(OpCodes.Ldc_I8, 0xFFFF_FFFFL), Instruction.Create(OpCodes.And)]);
            after.Add(St(S(n - 1)));
        }

        void Call(Instruction i, System.Collections.Immutable.ImmutableArray<Slot> st, int pops, List<Instruction> before)
        {
            if (i.OpCode.Code == Code.Calli && st[^1].Tainted) Check(before, i, st.Length - 1, "Address");
            if (!IsPInvoke(i)) return;
            // Data leaving checked code: every scalar argument of a P/Invoke must be defined.
            for (int k = st.Length - pops; k < st.Length; k++)
                if (st[k].Tainted) Check(before, i, k, "Operand");
            if (checks) CheckBuffers(i, before);
        }

        /// <summary>
        /// A pointer argument followed by a length (write(fd, buf, count), send(s, buf, len)): the native side reads
        /// that many bytes, so they must be defined. The arguments go to temporaries for the check and come back.
        /// </summary>
        void CheckBuffers(Instruction i, List<Instruction> before)
        {
            var parameters = ((MethodReference)i.Operand).Parameters;
            var pairs = Enumerable.Range(0, Math.Max(0, parameters.Count - 1))
                .Where(k => ValueKinds.Strip(parameters[k].ParameterType) is PointerType or FunctionPointerType || parameters[k].ParameterType.MetadataType is MetadataType.IntPtr)
                .Where(k => ValueKinds.Of(parameters[k + 1].ParameterType) is ValueKind.Int32 or ValueKind.Int64 or ValueKind.NativeInt)
                .Where(k => ValueKinds.Strip(parameters[k + 1].ParameterType) is not PointerType && parameters[k + 1].ParameterType.MetadataType is not MetadataType.IntPtr)
                .ToList();
            if (pairs.Count == 0) return;
            var temps = parameters.Select(p => NewLocal(p.ParameterType)).ToList();
            for (int k = temps.Count - 1; k >= 0; k--) before.Add(St(temps[k]));
            foreach (int k in pairs)
            {
                var site = ctx.SiteOf(i);
                ctx.Editor.Inserted.Add(site);
                before.AddRange([Ld(temps[k]), Instruction.Create(OpCodes.Conv_U), Ld(temps[k + 1]), Instruction.Create(OpCodes.Conv_I8), Instruction.Create(OpCodes.Ldc_I4, k), site,
                    Instruction.Create(OpCodes.Call, Entry("NativeBuffer"))]);
                ctx.Checks++;
            }
            foreach (var t in temps) before.Add(Ld(t));
        }

        static bool IsPInvoke(Instruction i)
        {
            if (i.Operand is not MethodReference target || i.OpCode.Code == Code.Calli) return false;
            try
            {
                return target.Resolve() is { IsPInvokeImpl: true };
            }
            catch (AssemblyResolutionException)
            {
                return false;
            }
        }

        static int? ElementSize(Instruction i) => i.OpCode.Code switch
        {
            Code.Ldelem_I1 or Code.Ldelem_U1 or Code.Stelem_I1 => 1,
            Code.Ldelem_I2 or Code.Ldelem_U2 or Code.Stelem_I2 => 2,
            Code.Ldelem_I4 or Code.Ldelem_U4 or Code.Ldelem_R4 or Code.Stelem_I4 or Code.Stelem_R4 => 4,
            Code.Ldelem_I8 or Code.Ldelem_I or Code.Ldelem_R8 or Code.Stelem_I8 or Code.Stelem_I or Code.Stelem_R8 => 8,
            Code.Ldelem_Any or Code.Stelem_Any => ValueKinds.SizeOf((TypeReference)i.Operand),
            _ => null,
        };

        /// <summary>[array, index] → [array, index] with the index also in a temporary (int32 for the runtime's calls).</summary>
        VariableDefinition SpillIndex(List<Instruction> code, ValueKind indexKind)
        {
            var index = ctx.Temp(indexKind == ValueKind.Int32 ? Types.Int32 : Types.IntPtr);
            code.Add(St(index));
            return index;
        }

        void LoadIndexAsInt(List<Instruction> code, VariableDefinition index)
        {
            code.Add(Ld(index));
            if (index.VariableType.MetadataType != MetadataType.Int32) code.Add(Instruction.Create(OpCodes.Conv_I4));
        }

        void ElementLoad(Instruction i, System.Collections.Immutable.ImmutableArray<Slot> st, List<Instruction> before, List<Instruction> after)
        {
            int n = st.Length;
            if (!flow.Pushed(i).Tainted || ElementSize(i) is not { } size)
            {
                Defined(after, n - 2);
                return;
            }
            var index = SpillIndex(before, st[n - 1].Kind);
            var loadShadow = ctx.Module.Entry(RentedArraysName, "LoadShadow");
            var array = ctx.Temp(loadShadow.Parameters[0].ParameterType);
            before.AddRange([Instruction.Create(OpCodes.Dup), St(array), Ld(array)]);
            LoadIndexAsInt(before, index);
            before.AddRange([Instruction.Create(OpCodes.Ldc_I4, size), Instruction.Create(OpCodes.Call, loadShadow)]);
            var extension = i.OpCode.Code switch
            {
                Code.Ldelem_I1 => OpCodes.Conv_I1,
                Code.Ldelem_I2 => OpCodes.Conv_I2,
                Code.Ldelem_I4 or Code.Ldelem_U4 => OpCodes.Conv_I4,
                Code.Ldelem_Any when ValueKinds.IsSignedNarrow((TypeReference)i.Operand) => size == 1 ? OpCodes.Conv_I1 : OpCodes.Conv_I2,
                Code.Ldelem_Any when size == 4 && flow.Pushed(i).Kind == ValueKind.Int32 => OpCodes.Conv_I4,
                _ => (OpCode?)null,
            };
            if (extension is { } ext) before.AddRange([Instruction.Create(ext), Instruction.Create(OpCodes.Conv_I8)]);
            before.Add(St(S(n - 2)));
            EmitElementOrigin(before, array, n - 2);
            before.Add(Ld(index));
        }

        void ElementStore(Instruction i, System.Collections.Immutable.ImmutableArray<Slot> st, List<Instruction> before)
        {
            int n = st.Length;
            var value = NewLocal(StoredElementType(i));
            before.Add(St(value));
            var index = SpillIndex(before, st[n - 2].Kind);
            before.Add(Instruction.Create(OpCodes.Dup));
            LoadIndexAsInt(before, index);
            if (ElementSize(i) is { } size) before.Add(Instruction.Create(OpCodes.Ldc_I4, size));
            else before.Add(Instruction.Create(OpCodes.Sizeof, (TypeReference)i.Operand));
            if (st[n - 1].Tainted && ElementSize(i) is not null)
            {
                // The store's site: track_origins=2 chains it into the element's origin, as for pointer stores.
                var site = ctx.SiteOf(i);
                ctx.Editor.Inserted.Add(site);
                before.AddRange([Ld(S(n - 1)), Ld(O(n - 1)), site, Instruction.Create(OpCodes.Call, ctx.Module.Entry(RentedArraysName, "Store", 6))]);
            }
            else before.AddRange([Instruction.Create(OpCodes.Ldc_I8, 0L), Instruction.Create(OpCodes.Ldc_I4_0), Instruction.Create(OpCodes.Call, ctx.Module.Entry(RentedArraysName, "Store", 5))]);
            before.Add(Ld(index));
            before.Add(Ld(value));
        }

        TypeReference StoredElementType(Instruction i) => i.OpCode.Code switch
        {
            Code.Stelem_I1 or Code.Stelem_I2 or Code.Stelem_I4 => Types.Int32,
            Code.Stelem_I8 => Types.Int64,
            Code.Stelem_I => Types.IntPtr,
            Code.Stelem_R4 => Types.Single,
            Code.Stelem_R8 => Types.Double,
            _ => (TypeReference)i.Operand,
        };

        /// <summary>[array, index] → same, after the array escaped (its writes are no longer followed).</summary>
        void EscapeUnderTop(List<Instruction> before, ValueKind indexKind)
        {
            var index = SpillIndex(before, indexKind);
            before.AddRange([Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Call, ctx.Module.Entry(RentedArraysName, "Escape")), Ld(index)]);
        }

        /// <summary>
        /// Arrays handed to a method outside this module (a span made over them, Array.Copy, an encoder) escape: its
        /// writes are not seen, so the array is taken as defined (an unknown member must never invent a report).
        /// </summary>
        void EscapeArrayArguments(Instruction i, System.Collections.Immutable.ImmutableArray<Slot> st, int pops, List<Instruction> before)
        {
            if (i.Operand is not MethodReference target || i.OpCode.Code == Code.Calli) return;
            if (target.DeclaringType.Scope == ctx.Method.Module || IsModelled(target)) return;
            var parameters = target.Parameters;
            var arrays = Enumerable.Range(0, parameters.Count).Where(k => IsArrayLike(parameters[k].ParameterType)).ToList();
            if (arrays.Count == 0) return;
            bool hasThis = target.HasThis && i.OpCode.Code != Code.Newobj;
            if (i.Previous is { OpCode.Code: Code.Constrained }) return;
            var types = parameters.Select(p => CallSiteTypes.Of(ValueKinds.Strip(p.ParameterType), target.DeclaringType, target as IGenericInstance)).ToList();
            if (types.Any(t => t is null)) return;
            if (hasThis)
            {
                var owner = target.DeclaringType;
                bool valueType;
                try { valueType = owner.IsValueType || owner.Resolve() is { IsValueType: true }; }
                catch (AssemblyResolutionException) { return; }
                types.Insert(0, valueType ? new ByReferenceType(owner) : owner);
            }
            int first = hasThis ? 1 : 0;
            var temps = types.Select(t => NewLocal(t!)).ToList();
            for (int k = temps.Count - 1; k >= 0; k--) before.Add(St(temps[k]));
            foreach (int k in arrays) before.AddRange([Ld(temps[first + k]), Instruction.Create(OpCodes.Call, ctx.Module.Entry(RentedArraysName, "Escape"))]);
            foreach (var t in temps) before.Add(Ld(t));
        }

        static bool IsArrayLike(TypeReference type)
        {
            type = ValueKinds.Strip(type);
            return type is ArrayType || type.FullName == "System.Array";
        }

        /// <summary>Members whose effect on an array's shadow is modelled: the BCL table's interceptors (Runtime/Memory/Bcl), the annotations.</summary>
        bool IsModelled(MethodReference target) =>
            ctx.Module.Runtime.MemoryInterceptors.ContainsKey(SignatureKey.Of(target)) || target.DeclaringType.Namespace == "SharpSan.Annotations";

        static Instruction Ld(VariableDefinition v) => Instruction.Create(OpCodes.Ldloc, v);
        static Instruction St(VariableDefinition v) => Instruction.Create(OpCodes.Stloc, v);
    }
}
