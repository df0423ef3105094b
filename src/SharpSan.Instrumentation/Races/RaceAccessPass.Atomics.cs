using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// The synchronising side of RaceAccessPass: release/acquire around atomic accesses (Interlocked, Volatile, volatile
/// fields) on the location the code names, their record in the variable's shadow, and the lock-free slots whose plain
/// accesses publish objects (RaceShadowFields.IsPublication).
/// </summary>
public sealed partial class RaceAccessPass
{
    /// <summary>
    /// A load of a publication field is an atomic load (pointer-sized, ordered by the data dependency on what it
    /// loads): after it, acquire the field's clock, then check it as an atomic read (against plain writes only).
    /// </summary>
    void PublicationLoad(MethodContext ctx, Instruction access, FieldReference field, FieldReference shadow, FieldReference slot)
    {
        var owner = ctx.Temp(field.DeclaringType);
        var site = ctx.SiteOf(access);
        var moved = Emit(ctx, access, [Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Stloc, owner)]);
        ctx.Editor.InsertAfter(moved, [
            Instruction.Create(OpCodes.Ldloc, owner), Instruction.Create(OpCodes.Ldflda, slot), .. AtomicCall(ctx, release: false, bySlot: true),
            Instruction.Create(OpCodes.Ldloc, owner), Instruction.Create(OpCodes.Ldloc, owner), Instruction.Create(OpCodes.Ldflda, shadow), site,
            Instruction.Create(OpCodes.Ldc_I4_0), Instruction.Create(OpCodes.Ldloc, ThreadLocal(ctx)), Instruction.Create(OpCodes.Call, ctx.Module.Entry(Checks, "AtomicField"))]);
    }

    /// <summary>
    /// The edge of a plain access to a publication field (see RaceShadowFields.IsPublication): release just before a
    /// store, acquire just after a load, on the field's atomic location (<paramref name="location"/>: slot address,
    /// or null and the field's key).
    /// </summary>
    void Publication(MethodContext ctx, Instruction access, bool write, List<Instruction> location, bool bySlot)
    {
        if (write) ctx.Editor.InsertBefore(access, [.. location, .. AtomicCall(ctx, release: true, bySlot)]);
        else ctx.Editor.InsertAfter(access, [.. location, .. AtomicCall(ctx, release: false, bySlot)]);
        ctx.Changed = true;
    }

    /// <summary>volatile read = load-acquire, volatile write = store-release, on the (object, field) location.</summary>
    void VolatileField(MethodContext ctx, Instruction access, FieldReference field, bool write)
    {
        var (location, bySlot) = InstanceLocation(field);   // applied to the owner on the stack
        if (write)
        {
            var value = ctx.Temp(AccessUse.FieldTypeAsSeen(field));
            ctx.Editor.InsertBefore(access, [
                Instruction.Create(OpCodes.Stloc, value), Instruction.Create(OpCodes.Dup), .. location,
                .. AtomicCall(ctx, release: true, bySlot), Instruction.Create(OpCodes.Ldloc, value)]);
        }
        else
        {
            var owner = ctx.Temp(field.DeclaringType);
            // InsertBefore moves the access to a new instruction: the acquire goes after that one.
            var moved = ctx.Editor.InsertBefore(access, [Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Stloc, owner)]);
            ctx.Editor.InsertAfter(moved, [Instruction.Create(OpCodes.Ldloc, owner), .. location, .. AtomicCall(ctx, release: false, bySlot)]);
        }
        ctx.Changed = true;
    }

    /// <summary>Interlocked.X(ref location) / Volatile.Read/Write(ref location) on a location the code names.</summary>
    Instruction AtomicAddress(MethodContext ctx, Instruction access, Instruction call, IReadOnlyList<MemberEffect> effects)
    {
        var system = ctx.Method.Module.TypeSystem;
        var operand = access.Operand;   // read before InsertBefore moves the access to a new instruction
        var owner = ctx.Temp(system.Object);
        List<Instruction> location;
        List<Instruction>? variable = null;   // what the atomic access check gets, when the location has a shadow cell
        string check;
        bool bySlot;
        switch (access.OpCode.Code)
        {
            case Code.Ldflda when ((FieldReference)operand).DeclaringType.IsValueType:
                // A field of a struct (`ref items[i].Value`): the receiver is an address, not an object to name the
                // location by; one clock per field name, coarser (it can hide a race, never invent one).
                location = [Instruction.Create(OpCodes.Ldnull), Instruction.Create(OpCodes.Ldc_I4, KeyOf((FieldReference)operand))];
                bySlot = false;
                check = "";
                break;
            case Code.Ldflda:
                var field = (FieldReference)operand;
                var typedOwner = ctx.Temp(field.DeclaringType);   // ldflda of the slot needs the owner's own type
                access = ctx.Editor.InsertBefore(access, [Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Stloc, typedOwner)]);
                (var member, bySlot) = InstanceLocation(field);
                location = [Instruction.Create(OpCodes.Ldloc, typedOwner), .. member];
                if (_fields!.ShadowOf(field) is { } shadow)
                    variable = [Instruction.Create(OpCodes.Ldloc, typedOwner), Instruction.Create(OpCodes.Ldloc, typedOwner), Instruction.Create(OpCodes.Ldflda, shadow)];
                else if (_fields.MembersOf(field) is { } members && AtomicMemberCell(members, effects) is { } cell)
                    variable = [Instruction.Create(OpCodes.Ldloc, typedOwner), Instruction.Create(OpCodes.Ldloc, typedOwner), Instruction.Create(OpCodes.Ldflda, cell)];
                check = "AtomicField";
                break;
            case Code.Ldsflda:
                (location, bySlot) = StaticLocation((FieldReference)operand);
                if (_fields!.ShadowOf((FieldReference)operand) is { } staticShadow) variable = [Instruction.Create(OpCodes.Ldsflda, staticShadow)];
                else if (_fields.MembersOf((FieldReference)operand) is { } members && AtomicMemberCell(members, effects) is { } cell)
                    variable = [Instruction.Create(OpCodes.Ldsflda, cell)];
                check = "AtomicStatic";
                break;
            default:   // ldelema: (array, index)
                var index = ctx.Temp(system.IntPtr);
                var key = ctx.Temp(system.Int32);
                access = ctx.Editor.InsertBefore(access, [
                    Instruction.Create(OpCodes.Conv_I), Instruction.Create(OpCodes.Stloc, index), Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Stloc, owner),
                    Instruction.Create(OpCodes.Ldloc, index), Instruction.Create(OpCodes.Conv_I4), Instruction.Create(OpCodes.Stloc, key),
                    Instruction.Create(OpCodes.Ldloc, index)]);
                location = [Instruction.Create(OpCodes.Ldloc, owner), Instruction.Create(OpCodes.Ldloc, key)];
                // An element has one shadow cell: an atomic on a member of a struct element (`ref slots[i].Sequence`)
                // recorded there would race with plain accesses to the element's other members (BitFaster's
                // MpmcBoundedBuffer: Volatile.Read of Slot.SequenceNumber against the consumer's write of Slot.Item).
                // Such an atomic only synchronises; it can hide a race on that member, never invent one.
                if (!OnStructMember(effects))
                    variable = [Instruction.Create(OpCodes.Ldloc, owner), Instruction.Create(OpCodes.Ldloc, index)];
                check = "AtomicElement";
                bySlot = false;
                break;
        }
        if (variable is not null)
        {
            // Recorded in the variable's shadow as an atomic access: it races with plain accesses, never with atomic ones.
            bool write = !IsLoad((MethodReference)call.Operand);
            // The site is the address-taking instruction (its operand names the field in the report), moved by the edits above.
            var moved = ctx.Editor.InsertBefore(call, [.. variable, ctx.SiteOf(access), Instruction.Create(write ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0),
                Instruction.Create(OpCodes.Ldloc, ThreadLocal(ctx)), Instruction.Create(OpCodes.Call, ctx.Module.Entry(Checks, check))]);
            call = moved;
        }
        return AroundAtomic(ctx, call, location, bySlot);
    }

    /// <summary>The atomic call receives the address of a member below the location, not the location itself.</summary>
    static bool OnStructMember(IReadOnlyList<MemberEffect> effects) => effects.Any(e => e.Path.Length > 0);

    /// <summary>Volatile.Read and Interlocked.Read only load (acquire); every other atomic call stores.</summary>
    static bool IsLoad(MethodReference method) => method.Name == "Read";

    /// <summary>
    /// Code that, applied to the owner on the stack, names an instance field's atomic location: the address of its
    /// sync-clock slot when this module added one, else the field's key (the runtime then looks the clock up).
    /// </summary>
    (List<Instruction> Code, bool BySlot) InstanceLocation(FieldReference field) =>
        _fields!.SyncOf(field) is { } slot ? ([Instruction.Create(OpCodes.Ldflda, slot)], true) : ([Instruction.Create(OpCodes.Ldc_I4, KeyOf(field))], false);

    (List<Instruction> Code, bool BySlot) StaticLocation(FieldReference field) =>
        _fields!.SyncOf(field) is { } slot
            ? ([Instruction.Create(OpCodes.Ldsflda, slot)], true)
            : ([Instruction.Create(OpCodes.Ldnull), Instruction.Create(OpCodes.Ldc_I4, KeyOf(field))], false);

    /// <summary>The release/acquire call; by slot it also takes the method's thread local (no thread-local lookup).</summary>
    IEnumerable<Instruction> AtomicCall(MethodContext ctx, bool release, bool bySlot) =>
        AtomicCall(ctx, release ? "AtomicRelease" : "AtomicAcquire", bySlot);

    IEnumerable<Instruction> AtomicCall(MethodContext ctx, string entry, bool bySlot)
    {
        if (bySlot) yield return Instruction.Create(OpCodes.Ldloc, ThreadLocal(ctx));
        yield return Call(ctx, Sync, entry + (bySlot ? "At" : ""));
    }

    /// <summary>
    /// Release before the atomic call (unless it only loads; for a read-modify-write the release also acquires), acquire
    /// after it (unless it only stores). Returns the
    /// call's instruction after the edit (InsertBefore moves it).
    /// </summary>
    Instruction AroundAtomic(MethodContext ctx, Instruction call, List<Instruction> location, bool bySlot)
    {
        var method = (MethodReference)call.Operand;
        bool loadOnly = IsLoad(method);
        bool storeOnly = method.DeclaringType.Name == "Volatile" && method.Name == "Write";
        // A read-modify-write (release, then acquire) releases and takes what the location's clock holds at once: the
        // acquire after the call then only compares a version, unless another thread released in between.
        if (!loadOnly)
            call = ctx.Editor.InsertBefore(call, [.. Clone(location), .. AtomicCall(ctx, storeOnly ? "AtomicRelease" : "AtomicUpdate", bySlot)]);
        if (!storeOnly)
            ctx.Editor.InsertAfter(call, [.. Clone(location), .. AtomicCall(ctx, release: false, bySlot)]);
        ctx.Changed = true;
        return call;
    }

    static IEnumerable<Instruction> Clone(List<Instruction> code) => code.Select(i => i.Operand switch
    {
        null => Instruction.Create(i.OpCode),
        VariableDefinition v => Instruction.Create(i.OpCode, v),
        int n => Instruction.Create(i.OpCode, n),
        FieldReference f => Instruction.Create(i.OpCode, f),
        _ => throw new InvalidOperationException("unexpected operand"),
    });

    static bool IsAtomicCall(Instruction i) =>
        i.OpCode.Code is Code.Call && i.Operand is MethodReference m
        && AccessUse.IsAtomicApi(m.DeclaringType.FullName)
        && m.Parameters.Count > 0 && m.Parameters[0].ParameterType is ByReferenceType;

    /// <summary>A stable number for a field (its full name hashed, FNV-1a): the same in every module that touches it.</summary>
    static int KeyOf(FieldReference field)
    {
        uint hash = 2166136261;
        foreach (char c in field.DeclaringType.GetElementType().FullName + "::" + field.Name) hash = (hash ^ c) * 16777619;
        return (int)hash;
    }
}
