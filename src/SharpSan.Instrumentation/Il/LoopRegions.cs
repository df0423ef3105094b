using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Il;

/// <summary>
/// The stretches of a method body that can run more than once per call: every backward branch closes a loop from
/// its target to itself. C# loops (for, while, do, foreach, backward goto) all have that shape; an instruction
/// outside every such stretch runs at most once per activation.
/// </summary>
public sealed class LoopRegions
{
    readonly Dictionary<Instruction, int> _index = [];
    readonly List<(int Start, int End)> _loops = [];

    public LoopRegions(MethodBody body)
    {
        var instructions = body.Instructions;
        for (int k = 0; k < instructions.Count; k++) _index[instructions[k]] = k;
        for (int k = 0; k < instructions.Count; k++)
        {
            var targets = instructions[k].Operand switch
            {
                Instruction t => [t],
                Instruction[] ts => ts,
                _ => [],
            };
            foreach (var target in targets)
                if (_index.TryGetValue(target, out int t) && t <= k) _loops.Add((t, k));
        }
    }

    public bool InLoop(Instruction instruction) => Outermost(instruction) is not null;

    /// <summary>The stretch (instruction indices) covered by all loops around <paramref name="instruction"/>, or null.</summary>
    public (int Start, int End)? Outermost(Instruction instruction)
    {
        if (!_index.TryGetValue(instruction, out int at)) return null;
        (int Start, int End)? span = null;
        foreach (var loop in _loops)
            if (loop.Start <= at && at <= loop.End)
                span = span is { } s ? (Math.Min(s.Start, loop.Start), Math.Max(s.End, loop.End)) : loop;
        return span;
    }

    /// <summary>True when <paramref name="instruction"/> lies in the index stretch <paramref name="region"/>.</summary>
    public bool Within(Instruction instruction, (int Start, int End) region) =>
        _index.TryGetValue(instruction, out int at) && region.Start <= at && at <= region.End;
}
