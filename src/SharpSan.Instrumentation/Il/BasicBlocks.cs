using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Il;

/// <summary>A method body cut into basic blocks, for the forward data-flow analyses.</summary>
public static class BasicBlocks
{
    /// <summary>Basic blocks in body order: a new block at each branch target, handler/filter/try boundary and after each control transfer.</summary>
    public static List<List<Instruction>> Of(MethodBody body)
    {
        var leaders = new HashSet<Instruction> { body.Instructions[0] };
        foreach (var i in body.Instructions)
        {
            foreach (var t in Targets(i)) leaders.Add(t);
            if (i.OpCode.FlowControl is not (FlowControl.Next or FlowControl.Call or FlowControl.Meta or FlowControl.Break) && i.Next is { } n) leaders.Add(n);
        }
        foreach (var h in body.ExceptionHandlers)
            foreach (var b in new[] { h.TryStart, h.TryEnd, h.HandlerStart, h.HandlerEnd, h.FilterStart })
                if (b is not null) leaders.Add(b);
        var blocks = new List<List<Instruction>>();
        foreach (var i in body.Instructions)
        {
            if (leaders.Contains(i) || blocks.Count == 0) blocks.Add([]);
            blocks[^1].Add(i);
        }
        return blocks;
    }

    public static IEnumerable<Instruction> Targets(Instruction i) => i.Operand switch
    {
        Instruction t => [t],
        Instruction[] ts => ts,
        _ => [],
    };

    /// <summary>Where control goes after a block's <paramref name="last"/> instruction (exceptional edges aside).</summary>
    public static IEnumerable<Instruction> Successors(Instruction last)
    {
        foreach (var t in Targets(last)) yield return t;
        if (last.OpCode.FlowControl is FlowControl.Next or FlowControl.Call or FlowControl.Cond_Branch or FlowControl.Meta or FlowControl.Break
            && last.Next is { } next) yield return next;
    }
}
