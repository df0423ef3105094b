using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Il;

/// <summary>
/// Loop versioning for a loop whose accesses one range check covers (<see cref="LoopRangeGuards"/>): in front of the
/// loop goes <c>if (RANGE CHECK) { COPY OF THE LOOP; goto after; }</c>, and the original loop follows. The copy's
/// covered accesses need no check at all (the range check proved every address they can reach addressable, and the
/// loop holds nothing that could free, unpin or return memory); the original, with every per-access check, runs only
/// when the range check failed, so a report still names the first bad iteration's line and address.
/// Copies are program code for the passes that run later (race checks, pool checks of other accesses). The copy works
/// on fresh locals (<see cref="LoopCopyLocals"/>) so that the JIT keeps them in registers.
/// </summary>
public static class LoopVersioning
{
    /// <summary>
    /// Versions <paramref name="loop"/> behind <paramref name="rangeCheck"/> (code that pushes true when the range is
    /// addressable). Returns the copies of the loop's instructions by original, or null when the loop holds code an
    /// earlier pass inserted (its site constants would need sites of their own, and a combined run, address,memory, must
    /// keep exactly the other checker's checks), and nothing was changed then.
    /// </summary>
    public static Dictionary<Instruction, Instruction>? Version(MethodContext ctx, LoopRangeGuards.Loop loop, IReadOnlyList<Instruction> rangeCheck)
    {
        var region = new List<Instruction>();
        for (var i = loop.First; ; i = i.Next)
        {
            if (i is null) return null;
            if (ctx.Editor.Inserted.Contains(i)) return null;
            region.Add(i);
            if (i == loop.Back) break;
        }
        if (loop.Back.Next is not { } after) return null;

        var locals = LoopCopyLocals.Choose(ctx.Method.Body, region);
        var copies = new Dictionary<Instruction, Instruction>();
        foreach (var original in region) copies[original] = Instruction.Create(OpCodes.Nop);
        // A way out of the copy first writes its locals back: each outside target gets a stub that does, then goes on.
        var exits = new Dictionary<(Instruction Target, bool Leave), Instruction>();
        var stubs = new List<Instruction>();
        Instruction Exit(Instruction target, bool leave)
        {
            if (copies.TryGetValue(target, out var inside)) return inside;
            if (!locals.WritesBack) return target;
            if (!exits.TryGetValue((target, leave), out var stub))
            {
                var back = locals.CopyBack().ToList();
                back.Add(Instruction.Create(leave ? OpCodes.Leave : OpCodes.Br, target));
                exits[(target, leave)] = stub = back[0];
                stubs.AddRange(back);
            }
            return stub;
        }
        foreach (var original in region)
        {
            var copy = copies[original];
            copy.OpCode = original.OpCode;
            bool leave = original.OpCode.Code is Code.Leave or Code.Leave_S;
            copy.Operand = original.Operand switch
            {
                Instruction target => Exit(target, leave),
                Instruction[] targets => targets.Select(t => Exit(t, leave: false)).ToArray(),
                VariableDefinition local => locals.For(local),
                var operand => operand,
            };
        }

        var toChecked = Instruction.Create(OpCodes.Brfalse, loop.Entry);   // retargeted below, at the original loop's entry
        var copyEntry = Instruction.Create(OpCodes.Br, copies[(Instruction)loop.Entry.Operand]);
        var code = new List<Instruction>(rangeCheck) { toChecked };
        code.AddRange(locals.CopyIn());
        code.Add(copyEntry);
        code.AddRange(region.Select(original => copies[original]));
        code.AddRange(locals.CopyBack());
        code.Add(Instruction.Create(OpCodes.Br, after));
        code.AddRange(stubs);
        var checkedEntry = ctx.Editor.InsertBefore(loop.Entry, code);
        toChecked.Operand = checkedEntry;

        ctx.Editor.Inserted.Remove(copyEntry);
        foreach (var original in region)
        {
            ctx.Editor.Inserted.Remove(copies[original]);
            ctx.NoteCopy(copies[original], original);
        }
        ctx.NoteCopy(copyEntry, loop.Entry);
        ctx.Changed = true;
        return copies;
    }
}
