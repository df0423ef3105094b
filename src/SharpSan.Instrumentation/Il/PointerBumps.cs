using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Il;

/// <summary>
/// The <c>*p++</c> accesses of a counted loop (<see cref="LoopRangeGuards"/>): <c>for (k = 0; k &lt; n; k++) *q++ = *p++;</c>.
/// When the loop body before the index's increment is straight-line code (no branch: each of its instructions runs once per
/// iteration) and every store to the pointer local <c>p</c> in the loop is a bump <c>p = p + c</c> (<c>ldloc p; [dup]; ldc c;
/// [conv]; add; stloc p</c>, c &gt; 0) in that body, then <c>p</c> moves by the sum D of its bumps per iteration, and an access
/// through a load of <c>p</c> in iteration t is at <c>p0 + t * D + (bumps before that load)</c>: an affine range that one
/// check at the loop's entry covers, as <c>p[i]</c>'s is.
/// </summary>
public static class PointerBumps
{
    /// <param name="start">The body's first instruction index.</param>
    /// <param name="incrementAt">The index's increment (the body ends before it).</param>
    /// <param name="end">The loop's closing backward branch.</param>
    /// <param name="bumpAccess">An access's address producer and size, or null when it is no pointer access of known size.</param>
    public static IEnumerable<LoopRangeGuards.Access> Accesses(IList<Instruction> instructions, Dictionary<Instruction, int> index, int start, int incrementAt, int end,
        LocalStores stores, Func<Instruction, (Instruction Address, int Size)?> bumpAccess)
    {
        for (int k = start; k < incrementAt; k++)
            if (instructions[k].OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw) return [];

        // The bumps of each pointer local or argument, in body order: the store's index and its constant.
        var bumps = new Dictionary<object, List<(int StoreAt, int Step)>>();
        for (int k = start; k < incrementAt; k++)
            if (Bump(instructions[k]) is { } bump && index.TryGetValue(bump.Store, out int storeAt) && storeAt < incrementAt)
                (bumps.TryGetValue(bump.Pointer, out var list) ? list : bumps[bump.Pointer] = []).Add((storeAt, bump.Step));
        foreach (var pointer in bumps.Keys.ToList())
        {
            var own = bumps[pointer].Select(b => b.StoreAt).ToHashSet();
            if (!OnlyBumped(pointer, instructions, index, start, end, own, stores)) bumps.Remove(pointer);
        }
        if (bumps.Count == 0) return [];

        var accesses = new List<LoopRangeGuards.Access>();
        for (int k = start; k < incrementAt; k++)
        {
            if (bumpAccess(instructions[k]) is not { } found) continue;
            var (address, size) = found;
            if (address.OpCode.Code is not (Code.Ldloc or Code.Ldarg) || address.Operand is null || !bumps.TryGetValue(address.Operand, out var of)) continue;
            if (!index.TryGetValue(address, out int loadAt) || loadAt < start || loadAt >= k) continue;
            long perIteration = of.Sum(b => (long)b.Step);
            long before = of.Where(b => b.StoreAt < loadAt).Sum(b => (long)b.Step);
            if (perIteration > int.MaxValue) continue;
            accesses.Add(new(instructions[k], address, (int)perIteration, size, (int)before));
        }
        return accesses;
    }

    /// <summary>No store to <paramref name="pointer"/> in the loop but its bumps, and its address never taken.</summary>
    static bool OnlyBumped(object pointer, IList<Instruction> instructions, Dictionary<Instruction, int> index, int start, int end, HashSet<int> bumps, LocalStores stores)
    {
        if (pointer is VariableDefinition local)
            return !stores.IsAddressTaken(local) && stores.Of(local).All(s => !index.TryGetValue(s, out int at) || at < start || at > end || bumps.Contains(at));
        for (int k = 0; k < instructions.Count; k++)
        {
            var i = instructions[k];
            if (i.Operand != pointer) continue;
            if (i.OpCode.Code is Code.Ldarga) return false;
            if (i.OpCode.Code is Code.Starg && k >= start && k <= end && !bumps.Contains(k)) return false;
        }
        return true;
    }

    /// <summary><c>ldloc p; [dup]; ldc c; [conv.i|conv.u]; add; stloc p</c> (or the same with ldarg/starg) starting at
    /// <paramref name="load"/>, p a pointer, c &gt; 0: the local or parameter, the store, c.</summary>
    static (object Pointer, Instruction Store, int Step)? Bump(Instruction load)
    {
        if (load.OpCode.Code is not (Code.Ldloc or Code.Ldarg) || load.Operand is null || !LoopRangeGuards.IsPointerLoad(load)) return null;
        var at = load.Next;
        if (at is { OpCode.Code: Code.Dup }) at = at.Next;
        if (at is not { OpCode.Code: Code.Ldc_I4, Operand: int step } || step < 1) return null;
        at = at.Next;
        if (at is { OpCode.Code: Code.Conv_I or Code.Conv_U }) at = at.Next;
        var storeCode = load.OpCode.Code == Code.Ldloc ? Code.Stloc : Code.Starg;
        if (at is not { OpCode.Code: Code.Add } || at.Next is not { } store || store.OpCode.Code != storeCode || store.Operand != load.Operand) return null;
        return (load.Operand, store, step);
    }
}
