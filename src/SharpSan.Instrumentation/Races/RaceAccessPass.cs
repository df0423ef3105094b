using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// ThreadSanitizer's instrumentation (TSan's __tsan_read/__tsan_write): a call to SharpSan.Runtime's RaceChecks before
/// every access to a shadowed field, static or array element in checked code; release/acquire around atomic accesses
/// (volatile fields, Interlocked, Volatile); and suspend/resume edges in async state machines.
/// </summary>
public sealed partial class RaceAccessPass : IInstrumentationPass
{
    const string Checks = "SharpSan.Runtime.Races.RaceChecks";
    const string Sync = "SharpSan.Runtime.Races.RaceSync";
    const string FinalizerSync = "SharpSan.Runtime.Races.Sync.FinalizerSync";

    RaceShadowFields? _fields;
    UnpublishedObjects? _unpublished;
    /// <summary>The method's local holding RaceChecks.Thread(), created with the first check.</summary>
    VariableDefinition? _thread;
    /// <summary>The method's `ref` locals assigned once from a field or element address, with their uses.</summary>
    RefLocals? _refLocals;
    List<VariableDefinition>? _indexLocals;

    public string Name => "race-access";

    public void Prepare(IReadOnlyList<MethodContext> methods)
    {
        if (methods.Count == 0) return;
        var module = methods[0].Module;
        _fields = new RaceShadowFields(module.Module, module.RuntimeType(RaceShadowFields.RaceCellType));
        // On every method's IL before this pass edits any (a constructor's analysis may look at its base constructor).
        _unpublished = new UnpublishedObjects(module.Module, CollectionCallPass.ReadContract(module.Runtime.Module), _fields.IsPublication);
        foreach (var ctx in methods)
            if (!IsExempt(ctx.Method)) _unpublished.Of(ctx.Method);
    }

    public void Run(MethodContext ctx)
    {
        if (_fields is null || IsExempt(ctx.Method)) return;
        if (Il.FinalizableTypes.IsFinalizer(ctx.Method) || Il.FinalizableTypes.IsReleaseHandle(ctx.Method))
            ctx.InsertPrologue([Instruction.Create(OpCodes.Call, ctx.Module.Entry(FinalizerSync, "Started"))]);
        var body = ctx.Method.Body;
        var branchTargets = Il.ModuleTypes.BlockStarts(body);
        var atomicCalls = new HashSet<Instruction>();
        // Initializing accesses (through objects no other thread can see yet) are neither checked nor recorded.
        var unpublished = UnpublishedObjects.Found(ctx.Method).Accesses;
        var redundant = RedundantChecks.Find(ctx.Method, branchTargets, _fields.IsPublication, unpublished);
        foreach (var call in unpublished.Where(i => i.OpCode.FlowControl == FlowControl.Call))
            _unpublished!.Accessors.Redirect(call);
        _thread = null;
        _refLocals = RefLocals.Find(ctx.Method, branchTargets);
        _indexLocals = null;
        foreach (var instruction in body.Instructions.ToArray())
        {
            if (ctx.Editor.Inserted.Contains(instruction) || redundant.Contains(instruction) || unpublished.Contains(instruction)) continue;
            switch (instruction.OpCode.Code)
            {
                case Code.Ldfld or Code.Stfld:
                    InstanceField(ctx, instruction);
                    break;
                case Code.Ldsfld or Code.Stsfld:
                    StaticField(ctx, instruction);
                    break;
                case Code.Ldflda or Code.Ldsflda or Code.Ldelema:
                    Address(ctx, instruction, branchTargets, atomicCalls);
                    break;
                case >= Code.Ldelem_I1 and <= Code.Ldelem_Ref or Code.Ldelem_Any:
                    LoadElement(ctx, instruction);
                    break;
                case >= Code.Stelem_I and <= Code.Stelem_Ref or Code.Stelem_Any:
                    StoreElement(ctx, instruction);
                    break;
                case Code.Call or Code.Callvirt when MultiDimensional(instruction) is { } array:
                    MultiDimensionalElement(ctx, instruction, array, branchTargets);
                    break;
            }
        }
        // Atomics on locations the code could not name (a ref parameter): one shared clock.
        foreach (var call in body.Instructions.Where(i => !ctx.Editor.Inserted.Contains(i) && IsAtomicCall(i) && !atomicCalls.Contains(i)).ToList())
            AroundAtomic(ctx, call, [Instruction.Create(OpCodes.Ldnull), Instruction.Create(OpCodes.Ldc_I4_0)], bySlot: false);
        AsyncFlow(ctx);
        TypeConstructorDone(ctx);
        if (_thread is not null)
            ctx.InsertPrologue([Instruction.Create(OpCodes.Call, ctx.Module.Entry(Checks, "Thread")), Instruction.Create(OpCodes.Stloc, _thread)]);
    }

    /// <summary>
    /// The thread's state, fetched once in the prologue: a method activation never changes threads (an async method's
    /// MoveNext is one activation per resumption), and a thread-local lookup per check costs as much as the check.
    /// </summary>
    VariableDefinition ThreadLocal(MethodContext ctx)
    {
        if (_thread is not null) return _thread;
        _thread = new VariableDefinition(ctx.Module.RuntimeType("SharpSan.Runtime.Races.RaceThread"));
        ctx.Method.Body.Variables.Add(_thread);
        return _thread;
    }

    /// <summary>[NoSanitize] (any namespace) on the method or an enclosing type switches the checks off.</summary>
    static bool IsExempt(MethodDefinition method)
    {
        if (RaceShadowFields.HasAttribute(method.CustomAttributes, "NoSanitizeAttribute")) return true;
        for (var type = method.DeclaringType; type is not null; type = type.DeclaringType)
            if (RaceShadowFields.HasAttribute(type.CustomAttributes, "NoSanitizeAttribute")) return true;
        return false;
    }

    void InstanceField(MethodContext ctx, Instruction access)
    {
        var field = (FieldReference)access.Operand;
        bool write = access.OpCode.Code == Code.Stfld;
        bool isVolatile = access.Previous is { OpCode.Code: Code.Volatile } || RaceShadowFields.IsVolatile(field);
        if (isVolatile && !field.DeclaringType.IsValueType && !IsValueTypeReceiver(field))
        {
            VolatileField(ctx, access, field, write);
            return;
        }
        if (_fields!.IsPublication(field) && _fields.SyncOf(field) is null)
        {
            // A struct's field (`items[i].Value`): its atomic clock is keyed by the field, the receiver is an address.
            Publication(ctx, access, write, [Instruction.Create(OpCodes.Ldnull), Instruction.Create(OpCodes.Ldc_I4, KeyOf(field))], bySlot: false);
            return;
        }
        if (_fields.MembersOf(field) is { } members)
        {
            WholeStructField(ctx, access, field, members, write);
            return;
        }
        if (_fields.ShadowOf(field) is not { } shadow) return;
        var slot = _fields.IsPublication(field) ? _fields.SyncOf(field) : null;
        if (slot is not null && !write)
        {
            PublicationLoad(ctx, access, field, shadow, slot);
            return;
        }
        var owner = slot is null ? null : ctx.Temp(field.DeclaringType);
        var site = ctx.SiteOf(access);
        var check = new List<Instruction>();
        VariableDefinition? value = null;
        if (write)
        {
            value = ctx.Temp(AccessUse.FieldTypeAsSeen(field));
            check.Add(Instruction.Create(OpCodes.Stloc, value));
        }
        List<Instruction> cellCheck = [Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Ldflda, shadow), site];
        // A store to a publication field is an atomic store (pointer-sized; a release for the stored object).
        if (owner is not null) cellCheck.Add(Instruction.Create(OpCodes.Ldc_I4_1));
        cellCheck.AddRange([Instruction.Create(OpCodes.Ldloc, ThreadLocal(ctx)),
            Instruction.Create(OpCodes.Call, ctx.Module.Entry(Checks, owner is not null ? "AtomicField" : write ? "WriteField" : "ReadField"))]);
        check.AddRange(owner is null ? WhenItHoldsData(ctx, shadow, cellCheck) : cellCheck);
        if (owner is not null) check.AddRange([Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Stloc, owner)]);
        if (value is not null) check.Add(Instruction.Create(OpCodes.Ldloc, value));
        var moved = Emit(ctx, access, check);
        if (owner is not null)
            Publication(ctx, moved, write, [Instruction.Create(OpCodes.Ldloc, owner), Instruction.Create(OpCodes.Ldflda, slot!)], bySlot: true);
    }

    static bool IsValueTypeReceiver(FieldReference field) => field.DeclaringType.IsValueType;

    void StaticField(MethodContext ctx, Instruction access)
    {
        var field = (FieldReference)access.Operand;
        bool write = access.OpCode.Code == Code.Stsfld;
        if (access.Previous is { OpCode.Code: Code.Volatile } || RaceShadowFields.IsVolatile(field))
        {
            var (location, bySlot) = StaticLocation(field);
            if (write) ctx.Editor.InsertBefore(access, [.. location, .. AtomicCall(ctx, release: true, bySlot)]);
            else ctx.Editor.InsertAfter(access, [.. location, .. AtomicCall(ctx, release: false, bySlot)]);
            ctx.Changed = true;
            return;
        }
        if (_fields!.MembersOf(field) is { } members)
        {
            StaticMemberChecks(ctx, access, field, members.Select(m => (m.Cell, write)).ToList());
            return;
        }
        var shadow = _fields.ShadowOf(field);
        var slot = _fields.IsPublication(field) ? _fields.SyncOf(field) : null;
        if (slot is not null && !write && shadow is not null)
        {
            // A publication field's load is an atomic load: acquire after it, then the atomic read check.
            List<Instruction> load = [Instruction.Create(OpCodes.Ldsflda, slot), .. AtomicCall(ctx, release: false, bySlot: true),
                Instruction.Create(OpCodes.Ldsflda, shadow), ctx.SiteOf(access), Instruction.Create(OpCodes.Ldc_I4_0),
                Instruction.Create(OpCodes.Ldloc, ThreadLocal(ctx)), Instruction.Create(OpCodes.Call, ctx.Module.Entry(Checks, "AtomicStatic"))];
            if (NeedsTypeInitialization(ctx, field)) AfterTypeInitialization(ctx, access, load);
            else
            {
                ctx.Editor.InsertAfter(access, load);
                ctx.Changed = true;
            }
            return;
        }
        List<Instruction> check = shadow is null ? [] : slot is not null
            ? [Instruction.Create(OpCodes.Ldsflda, shadow), ctx.SiteOf(access), Instruction.Create(OpCodes.Ldc_I4_1),   // an atomic store
                Instruction.Create(OpCodes.Ldloc, ThreadLocal(ctx)), Instruction.Create(OpCodes.Call, ctx.Module.Entry(Checks, "AtomicStatic"))]
            : WhenItHoldsData(ctx, shadow, [Instruction.Create(OpCodes.Ldsflda, shadow), ctx.SiteOf(access),
                Instruction.Create(OpCodes.Ldloc, ThreadLocal(ctx)), Instruction.Create(OpCodes.Call, ctx.Module.Entry(Checks, write ? "WriteStatic" : "ReadStatic"))]);
        var moved = access;
        if (NeedsTypeInitialization(ctx, field)) AfterTypeInitialization(ctx, access, check);
        else if (check.Count > 0) moved = Emit(ctx, access, check);
        if (slot is not null) Publication(ctx, moved, write, [Instruction.Create(OpCodes.Ldsflda, slot)], bySlot: true);
    }

    void Address(MethodContext ctx, Instruction access, HashSet<Instruction> branchTargets, HashSet<Instruction> atomicCalls)
    {
        var described = AccessUse.Describe(access, ctx.Method, branchTargets);
        var (use, consumer) = (described.Use, described.Consumer);
        var code = access.OpCode.Code;
        if (consumer is not null && _refLocals!.Target(consumer) is { } refLocal)
        {
            ThroughRefLocal(ctx, access, refLocal);
            return;
        }
        if (use == AddressUse.Atomic && consumer is not null)
        {
            atomicCalls.Add(AtomicAddress(ctx, access, consumer, described.Members));
            return;
        }
        if (use is AddressUse.Synchronization or AddressUse.None) return;
        bool write = use == AddressUse.Write;
        if (code == Code.Ldelema)
        {
            var index = ctx.Temp(ctx.Method.Module.TypeSystem.IntPtr);
            var site = ctx.SiteOf(access);
            Emit(ctx, access, [
                Instruction.Create(OpCodes.Conv_I), Instruction.Create(OpCodes.Stloc, index), Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Ldloc, index), site,
                Instruction.Create(OpCodes.Ldloc, ThreadLocal(ctx)), Instruction.Create(OpCodes.Call, ctx.Module.Entry(Checks, write ? "WriteElement" : "ReadElement")),
                Instruction.Create(OpCodes.Ldloc, index)]);
            return;
        }
        var field = (FieldReference)access.Operand;
        if (RaceShadowFields.IsVolatile(field)) return;
        if (_fields!.MembersOf(field) is { } members)
        {
            StructFieldAddress(ctx, access, field, members, described.Members);
            return;
        }
        if (_fields.ShadowOf(field) is not { } shadow) return;
        var fieldSite = ctx.SiteOf(access);
        if (code == Code.Ldsflda)
        {
            var check = WhenItHoldsData(ctx, shadow, [Instruction.Create(OpCodes.Ldsflda, shadow), fieldSite,
                Instruction.Create(OpCodes.Ldloc, ThreadLocal(ctx)), Instruction.Create(OpCodes.Call, ctx.Module.Entry(Checks, write ? "WriteStatic" : "ReadStatic"))]);
            if (NeedsTypeInitialization(ctx, field)) AfterTypeInitialization(ctx, access, check);
            else Emit(ctx, access, check);
            return;
        }
        if (field.DeclaringType.IsValueType) return;
        Emit(ctx, access, WhenItHoldsData(ctx, shadow, [Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Ldflda, shadow), fieldSite,
            Instruction.Create(OpCodes.Ldloc, ThreadLocal(ctx)), Instruction.Create(OpCodes.Call, ctx.Module.Entry(Checks, write ? "WriteField" : "ReadField"))]));
    }

    /// <summary>
    /// `ref var x = ref obj.f` (or `ref a[i]`, `ref s_static`): the address is taken here but read or written wherever
    /// `x` is used, maybe after synchronisation. The owner (and index) are kept in locals of their own, and each use of
    /// `x` that reads or writes gets the check, at its own line.
    /// </summary>
    void ThroughRefLocal(MethodContext ctx, Instruction access, RefLocal refLocal)
    {
        var system = ctx.Method.Module.TypeSystem;
        List<Instruction> target;   // what a check at a use loads: (owner, ref cell) / (array, index) / (ref cell)
        string kind;
        FieldReference? cell = null;
        switch (access.OpCode.Code)
        {
            case Code.Ldelema:
                var array = Local(ctx, system.Object);
                var index = Local(ctx, system.IntPtr);
                Emit(ctx, access, [Instruction.Create(OpCodes.Conv_I), Instruction.Create(OpCodes.Stloc, index), Instruction.Create(OpCodes.Dup),
                    Instruction.Create(OpCodes.Stloc, array), Instruction.Create(OpCodes.Ldloc, index)]);
                target = [Instruction.Create(OpCodes.Ldloc, array), Instruction.Create(OpCodes.Ldloc, index)];
                kind = "Element";
                break;
            case Code.Ldflda or Code.Ldsflda when _fields!.MembersOf((FieldReference)access.Operand) is { } members:
                StructFieldThroughRefLocal(ctx, access, members, refLocal);
                return;
            case Code.Ldflda:
                var field = (FieldReference)access.Operand;
                if (RaceShadowFields.IsVolatile(field) || field.DeclaringType.IsValueType || _fields!.ShadowOf(field) is not { } shadow) return;
                var owner = Local(ctx, field.DeclaringType);
                Emit(ctx, access, [Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Stloc, owner)]);
                target = [Instruction.Create(OpCodes.Ldloc, owner), Instruction.Create(OpCodes.Ldloc, owner), Instruction.Create(OpCodes.Ldflda, shadow)];
                kind = "Field";
                cell = shadow;
                break;
            default:   // ldsflda
                var staticField = (FieldReference)access.Operand;
                if (RaceShadowFields.IsVolatile(staticField) || _fields!.ShadowOf(staticField) is not { } staticShadow) return;
                target = [Instruction.Create(OpCodes.Ldsflda, staticShadow)];
                kind = "Static";
                cell = staticShadow;
                break;
        }
        foreach (var (load, write, _) in refLocal.Uses)
        {
            List<Instruction> check = [.. Clone(target), ctx.SiteOf(load), Instruction.Create(OpCodes.Ldloc, ThreadLocal(ctx)),
                Instruction.Create(OpCodes.Call, ctx.Module.Entry(Checks, (write ? "Write" : "Read") + kind))];
            Emit(ctx, load, cell is null ? check : WhenItHoldsData(ctx, cell, check));
        }
    }

    /// <summary>A local of its own (not a shared temp): it must hold its value from the address to every use.</summary>
    static VariableDefinition Local(MethodContext ctx, TypeReference type)
    {
        var local = new VariableDefinition(type);
        ctx.Method.Body.Variables.Add(local);
        return local;
    }

    void LoadElement(MethodContext ctx, Instruction access)
    {
        var index = ctx.Temp(ctx.Method.Module.TypeSystem.IntPtr);
        var site = ctx.SiteOf(access);
        Emit(ctx, access, [
            Instruction.Create(OpCodes.Conv_I), Instruction.Create(OpCodes.Stloc, index), Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Ldloc, index), site,
            Instruction.Create(OpCodes.Ldloc, ThreadLocal(ctx)), Instruction.Create(OpCodes.Call, ctx.Module.Entry(Checks, "ReadElement")),
            Instruction.Create(OpCodes.Ldloc, index)]);
    }

    void StoreElement(MethodContext ctx, Instruction access)
    {
        var system = ctx.Method.Module.TypeSystem;
        TypeReference valueType = access.OpCode.Code switch
        {
            Code.Stelem_I => system.IntPtr,
            Code.Stelem_I1 or Code.Stelem_I2 or Code.Stelem_I4 => system.Int32,
            Code.Stelem_I8 => system.Int64,
            Code.Stelem_R4 => system.Single,
            Code.Stelem_R8 => system.Double,
            Code.Stelem_Ref => system.Object,
            _ => (TypeReference)access.Operand,
        };
        var value = ctx.Temp(valueType);
        var index = ctx.Temp(system.IntPtr);
        var site = ctx.SiteOf(access);
        Emit(ctx, access, [
            Instruction.Create(OpCodes.Stloc, value), Instruction.Create(OpCodes.Conv_I), Instruction.Create(OpCodes.Stloc, index),
            Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Ldloc, index), site,
            Instruction.Create(OpCodes.Ldloc, ThreadLocal(ctx)), Instruction.Create(OpCodes.Call, ctx.Module.Entry(Checks, "WriteElement")),
            Instruction.Create(OpCodes.Ldloc, index), Instruction.Create(OpCodes.Ldloc, value)]);
    }

    /// <summary>`a[i, j]` on an `int[,]` (rank 2 or 3): the compiler calls the array type's Get/Set/Address.</summary>
    static ArrayType? MultiDimensional(Instruction call) =>
        call.Operand is MethodReference { Name: "Get" or "Set" or "Address", DeclaringType: ArrayType { Rank: 2 or 3 } array } ? array : null;

    /// <summary>
    /// A multi-dimensional element access: the indices are kept in locals and the runtime checks the element's shadow
    /// (row-major position in the array's one shadow, as for vectors). Set writes; Get reads; Address as its use.
    /// </summary>
    void MultiDimensionalElement(MethodContext ctx, Instruction call, ArrayType array, HashSet<Instruction> branchTargets)
    {
        var method = (MethodReference)call.Operand;
        var use = method.Name switch
        {
            "Set" => AddressUse.Write,
            "Get" => AddressUse.Read,
            _ => AccessUse.Of(call, ctx.Method, branchTargets).Use,
        };
        if (use is AddressUse.Atomic or AddressUse.Synchronization or AddressUse.None) return;
        bool write = use == AddressUse.Write;
        var indices = IndexLocals(ctx, array.Rank);
        VariableDefinition? value = method.Name == "Set" ? ctx.Temp(method.Parameters[^1].ParameterType) : null;
        var code = new List<Instruction>();
        if (value is not null) code.Add(Instruction.Create(OpCodes.Stloc, value));
        for (int k = array.Rank - 1; k >= 0; k--) code.Add(Instruction.Create(OpCodes.Stloc, indices[k]));
        code.Add(Instruction.Create(OpCodes.Dup));
        code.AddRange(indices.Select(i => Instruction.Create(OpCodes.Ldloc, i)));
        code.AddRange([ctx.SiteOf(call), Instruction.Create(OpCodes.Ldloc, ThreadLocal(ctx)),
            Instruction.Create(OpCodes.Call, ctx.Module.Entry(Checks, (write ? "WriteElement" : "ReadElement") + array.Rank))]);
        code.AddRange(indices.Select(i => Instruction.Create(OpCodes.Ldloc, i)));
        if (value is not null) code.Add(Instruction.Create(OpCodes.Ldloc, value));
        Emit(ctx, call, code);
    }

    /// <summary>Locals holding the indices of a multi-dimensional access while it is checked (one set per method).</summary>
    List<VariableDefinition> IndexLocals(MethodContext ctx, int rank)
    {
        _indexLocals ??= [];
        while (_indexLocals.Count < rank) _indexLocals.Add(Local(ctx, ctx.Method.Module.TypeSystem.Int32));
        return _indexLocals.Take(rank).ToList();
    }

    /// <summary>Async state machines: MoveNext resumes after the code before the await; each await suspends (releases).</summary>
    void AsyncFlow(MethodContext ctx)
    {
        var method = ctx.Method;
        if (method.Name != "MoveNext" || !RaceShadowFields.IsAsyncStateMachine(method.DeclaringType)) return;
        if (_fields!.FlowOf(method.DeclaringType) is not { } flow) return;
        foreach (var call in method.Body.Instructions.Where(i => !ctx.Editor.Inserted.Contains(i) && i.OpCode.FlowControl == FlowControl.Call
            && i.Operand is MethodReference m && m.Name is "AwaitUnsafeOnCompleted" or "AwaitOnCompleted").ToList())
        {
            ctx.Editor.InsertBefore(call, [Instruction.Create(OpCodes.Ldarg_0), Instruction.Create(OpCodes.Ldflda, flow), Call(ctx, Sync, "Suspend")]);
        }
        ctx.InsertPrologue([Instruction.Create(OpCodes.Ldarg_0), Instruction.Create(OpCodes.Ldfld, flow), Call(ctx, Sync, "Resume")]);
        ctx.Changed = true;
    }

    /// <summary>Inserts a check before the access; returns the instruction that now holds the access.</summary>
    static Instruction Emit(MethodContext ctx, Instruction access, List<Instruction> check)
    {
        var moved = ctx.Editor.InsertBefore(access, check);
        ctx.Retarget(access, moved);
        ctx.Checks++;
        ctx.Changed = true;
        return moved;
    }

    static Instruction Call(MethodContext ctx, string type, string name) => Instruction.Create(OpCodes.Call, ctx.Module.Entry(type, name));
}
