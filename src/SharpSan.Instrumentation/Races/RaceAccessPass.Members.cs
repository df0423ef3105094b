using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// Struct fields split into member cells (<see cref="StructMembers"/>): an access checks the cells of the members it
/// touches — every member for a copy of the whole struct, the one `ldflda s; stfld X` names, the ones a struct method
/// called on the field reads or writes (<see cref="ByrefEffects"/>). All checks of one access share its site (one
/// report per racing pair of accesses); the report finds the member from the cell that raced.
/// </summary>
public sealed partial class RaceAccessPass
{
    /// <summary>`ldfld s` / `stfld s` of the whole struct: a read or a write of each member.</summary>
    void WholeStructField(MethodContext ctx, Instruction access, FieldReference field, IReadOnlyList<(string Path, FieldReference Cell)> members, bool write)
    {
        var check = new List<Instruction>();
        VariableDefinition? value = write ? ctx.Temp(AccessUse.FieldTypeAsSeen(field)) : null;
        if (value is not null) check.Add(Instruction.Create(OpCodes.Stloc, value));
        check.AddRange(InstanceMemberChecks(ctx, access, members.Select(m => (m.Cell, write)).ToList()));
        if (value is not null) check.Add(Instruction.Create(OpCodes.Ldloc, value));
        Emit(ctx, access, check);
    }

    /// <summary>`ldflda s` / `ldsflda s` of a split struct: the members its use touches (<paramref name="effects"/>).</summary>
    void StructFieldAddress(MethodContext ctx, Instruction access, FieldReference field, IReadOnlyList<(string Path, FieldReference Cell)> members,
        IReadOnlyList<MemberEffect> effects)
    {
        var cells = Touched(members, effects);
        if (cells.Count == 0) return;
        if (access.OpCode.Code == Code.Ldsflda) StaticMemberChecks(ctx, access, field, cells);
        else Emit(ctx, access, InstanceMemberChecks(ctx, access, cells));
    }

    /// <summary>`ref var s = ref obj.s;` then uses of `s`: each use checks the members it touches, from the owner kept in a local.</summary>
    void StructFieldThroughRefLocal(MethodContext ctx, Instruction access, IReadOnlyList<(string Path, FieldReference Cell)> members, RefLocal refLocal)
    {
        VariableDefinition? owner = null;
        if (access.OpCode.Code == Code.Ldflda)
        {
            var field = (FieldReference)access.Operand;
            owner = Local(ctx, field.DeclaringType);
            Emit(ctx, access, [Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Stloc, owner)]);
        }
        foreach (var (load, _, effects) in refLocal.Uses)
        {
            var check = new List<Instruction>();
            foreach (var (cell, write) in Touched(members, effects))
            {
                var one = new List<Instruction>();
                if (owner is not null) one.AddRange([Instruction.Create(OpCodes.Ldloc, owner), Instruction.Create(OpCodes.Ldloc, owner)]);
                one.AddRange([Instruction.Create(owner is null ? OpCodes.Ldsflda : OpCodes.Ldflda, cell), ctx.SiteOf(load), Instruction.Create(OpCodes.Ldloc, ThreadLocal(ctx)),
                    Instruction.Create(OpCodes.Call, ctx.Module.Entry(Checks, (write ? "Write" : "Read") + (owner is null ? "Static" : "Field")))]);
                check.AddRange(WhenItHoldsData(ctx, cell, one));
            }
            if (check.Count > 0) Emit(ctx, load, check);
        }
    }

    /// <summary>Statics: one check per member cell, after the type's initialisation when it has a type constructor.</summary>
    void StaticMemberChecks(MethodContext ctx, Instruction access, FieldReference field, List<(FieldReference Cell, bool Write)> cells)
    {
        var check = new List<Instruction>();
        foreach (var (cell, write) in cells)
            check.AddRange(WhenItHoldsData(ctx, cell, [Instruction.Create(OpCodes.Ldsflda, cell), ctx.SiteOf(access), Instruction.Create(OpCodes.Ldloc, ThreadLocal(ctx)),
                Instruction.Create(OpCodes.Call, ctx.Module.Entry(Checks, write ? "WriteStatic" : "ReadStatic"))]));
        if (NeedsTypeInitialization(ctx, field)) AfterTypeInitialization(ctx, access, check);
        else Emit(ctx, access, check);
    }

    /// <summary>Checks of member cells of an instance field, the owner on top of the stack (and left there).</summary>
    List<Instruction> InstanceMemberChecks(MethodContext ctx, Instruction access, List<(FieldReference Cell, bool Write)> cells)
    {
        var check = new List<Instruction>();
        foreach (var (cell, write) in cells)
            check.AddRange(WhenItHoldsData(ctx, cell, [Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Ldflda, cell), ctx.SiteOf(access),
                Instruction.Create(OpCodes.Ldloc, ThreadLocal(ctx)), Instruction.Create(OpCodes.Call, ctx.Module.Entry(Checks, write ? "WriteField" : "ReadField"))]));
        return check;
    }

    /// <summary>
    /// A member cell's check (stack-neutral), skipped when the member is typed by a generic parameter that stands for an
    /// empty struct at run time (<see cref="RaceShadowFields.DataTypeOf"/>): one static test per instantiation, which
    /// the JIT folds to a constant for value-type instantiations.
    /// </summary>
    List<Instruction> WhenItHoldsData(MethodContext ctx, FieldReference cell, List<Instruction> check)
    {
        if (_fields!.DataTypeOf(cell) is not { } type) return check;
        var holdsData = new GenericInstanceMethod(ctx.Module.Entry(Checks, "HoldsData"));
        holdsData.GenericArguments.Add(type);
        var end = Instruction.Create(OpCodes.Nop);
        return [Instruction.Create(OpCodes.Call, holdsData), Instruction.Create(OpCodes.Brfalse, end), .. check, end];
    }

    /// <summary>
    /// The member cells <paramref name="effects"/> touch with a plain read or write, each once, written if any effect
    /// writes it. Atomic updates inside a callee are not recorded here: the callee's Interlocked call has its own edges.
    /// </summary>
    static List<(FieldReference Cell, bool Write)> Touched(IReadOnlyList<(string Path, FieldReference Cell)> members, IReadOnlyList<MemberEffect> effects)
    {
        var cells = new List<(FieldReference, bool)>();
        foreach (var (path, cell) in members)
        {
            bool? written = null;
            foreach (var effect in effects)
                if (effect.Use is AddressUse.Read or AddressUse.Write && StructMembers.Touches(effect.Path, path))
                    written = written == true || effect.Use == AddressUse.Write;
            if (written is { } write) cells.Add((cell, write));
        }
        return cells;
    }

    /// <summary>The one member cell an atomic access on <paramref name="effects"/>' path lands in, or null.</summary>
    static FieldReference? AtomicMemberCell(IReadOnlyList<(string Path, FieldReference Cell)> members, IReadOnlyList<MemberEffect> effects)
    {
        if (effects is not [{ Use: AddressUse.Atomic } effect]) return null;
        var touched = members.Where(m => StructMembers.Touches(effect.Path, m.Path)).ToList();
        return touched is [var single] ? single.Cell : null;
    }
}
