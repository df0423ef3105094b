using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// The forward dataflow behind <see cref="UnpublishedObjects"/> over one method body: basic blocks, a worklist, one
/// <see cref="UnpublishedState"/> per block entry, joined where paths meet. Exception handlers start from the join of
/// every state inside their protected block; an <c>endfinally</c> continues at every target of the <c>leave</c>s of
/// that block. Once the states are stable, one more sweep records the accesses made through unpublished objects.
/// Anything the simulation does not model escapes what it consumes; anything it cannot follow (a stack that does not
/// match, <c>jmp</c>, too many rounds) gives up on the whole method, which then stays checked as before.
/// </summary>
sealed partial class UnpublishedFlow
{
    /// <summary>The method uses IL this analysis does not follow: nothing is exempted.</summary>
    public sealed class Unsupported(string reason) : Exception(reason);

    const int RoundsPerBlock = 64;

    readonly MethodDefinition _method;
    readonly UnpublishedObjects _objects;
    readonly IList<Instruction> _code;
    readonly Dictionary<Instruction, int> _index = [];
    readonly Dictionary<Instruction, int> _sites = [];
    readonly int _locals;
    readonly int _this = UnpublishedState.Unknown;
    readonly HashSet<int> _addressTaken = [];
    readonly HashSet<Instruction> _blockStarts;
    readonly HashSet<Instruction> _branchTargets;
    readonly List<(int Start, int End)> _blocks = [];
    readonly Dictionary<int, int> _blockAt = [];
    readonly UnpublishedState?[] _entries;

    UnpublishedFlow(MethodDefinition method, UnpublishedObjects objects)
    {
        if (method.Body.Instructions.Count == 0) throw new Unsupported("empty body");
        _method = method;
        _objects = objects;
        _code = method.Body.Instructions;
        for (int k = 0; k < _code.Count; k++) _index[_code[k]] = k;
        _locals = method.Body.Variables.Count;
        if (method.IsConstructor && !method.IsStatic && !method.DeclaringType.IsValueType) _this = 0;
        foreach (var i in _code)
        {
            if (Allocates(i)) _sites[i] = _sites.Count + 1;
            if (i.OpCode.Code is Code.Ldloca or Code.Ldloca_S or Code.Ldarga or Code.Ldarga_S) _addressTaken.Add(Slot(i));
            if (i.OpCode.Code == Code.Jmp) throw new Unsupported("jmp");
        }
        _branchTargets = ModuleTypes.BlockStarts(method.Body);
        _blockStarts = BlockStarts();
        for (int start = 0; start < _code.Count;)
        {
            int end = start + 1;
            while (end < _code.Count && !_blockStarts.Contains(_code[end])) end++;
            _blockAt[start] = _blocks.Count;
            _blocks.Add((start, end));
            start = end;
        }
        _entries = new UnpublishedState?[_blocks.Count];
    }

    /// <summary>The accesses through unpublished objects, and whether the constructor's <c>this</c> escapes anywhere.</summary>
    public static (HashSet<Instruction> Accesses, bool ThisEscapes) Run(MethodDefinition method, UnpublishedObjects objects)
    {
        var flow = new UnpublishedFlow(method, objects);
        if (flow._sites.Count == 0 && flow._this < 0) return ([], false);
        flow.Solve();
        return flow.Sweep();
    }

    /// <summary>newobj of a class (not a struct, not a multi-dimensional array) and newarr: the objects followed.</summary>
    static bool Allocates(Instruction i) => i.OpCode.Code switch
    {
        Code.Newarr => true,
        Code.Newobj => i.Operand is MethodReference { DeclaringType: not ArrayType } ctor && ctor.DeclaringType.TryResolve() is { IsValueType: false },
        _ => false,
    };

    HashSet<Instruction> BlockStarts()
    {
        var starts = new HashSet<Instruction>(_branchTargets) { _code[0] };
        foreach (var h in _method.Body.ExceptionHandlers)
        {
            if (h.TryEnd is not null) starts.Add(h.TryEnd);
            if (h.HandlerEnd is not null) starts.Add(h.HandlerEnd);
        }
        foreach (var i in _code)
            if (i.Next is not null && i.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw)
                starts.Add(i.Next);
        return starts;
    }

    void Solve()
    {
        var entry = new UnpublishedState(_locals + _method.Parameters.Count + (_method.HasThis ? 1 : 0));
        for (int k = 0; k < _locals; k++)
            if (!_addressTaken.Contains(k)) entry.SetVariable(k, UnpublishedState.Null);   // locals start zeroed
        if (_this >= 0) entry.SetVariable(_locals, _this);
        var work = new Queue<int>();
        var queued = new HashSet<int>();
        Merge(0, entry, work, queued);
        int rounds = 0;
        while (work.Count > 0)
        {
            if (++rounds > RoundsPerBlock * _blocks.Count) throw new Unsupported("no fixed point");
            int block = work.Dequeue();
            queued.Remove(block);
            var state = _entries[block]!.Clone();
            var (start, end) = _blocks[block];
            for (int k = start; k < end; k++)
            {
                Handlers(k, state, work, queued);
                Transfer(_code[k], state, null);
            }
            Handlers(end - 1, state, work, queued);
            foreach (var (successor, stack) in Successors(end - 1))
                Merge(successor, stack < 0 ? state : state.WithStack(stack), work, queued);
        }
    }

    (HashSet<Instruction>, bool) Sweep()
    {
        var accesses = new HashSet<Instruction>();
        bool thisEscapes = false;
        for (int block = 0; block < _blocks.Count; block++)
        {
            if (_entries[block] is not { } entry) continue;   // unreachable
            var state = entry.Clone();
            var (start, end) = _blocks[block];
            for (int k = start; k < end; k++)
            {
                Transfer(_code[k], state, accesses);
                thisEscapes |= _this >= 0 && state.HasEscaped(_this);
            }
        }
        return (accesses, thisEscapes);
    }

    /// <param name="handlerStack">A handler's entry: the stack it starts with (0 or 1 slots), whatever <paramref name="state"/>'s.</param>
    void Merge(int index, UnpublishedState state, Queue<int> work, HashSet<int> queued, int handlerStack = -1)
    {
        int block = _blockAt[index];
        if (_entries[block] is { } existing)
        {
            if (!existing.Join(state, keepStack: handlerStack >= 0)) return;
        }
        else
        {
            _entries[block] = handlerStack >= 0 ? state.WithStack(handlerStack) : state.Clone();
        }
        if (queued.Add(block)) work.Enqueue(block);
    }

    /// <summary>An exception may leave the protected block at any instruction: its handlers start from every state inside it.</summary>
    void Handlers(int index, UnpublishedState state, Queue<int> work, HashSet<int> queued)
    {
        foreach (var h in _method.Body.ExceptionHandlers)
        {
            if (!Inside(index, h.TryStart, h.TryEnd)) continue;
            int stack = h.HandlerType is ExceptionHandlerType.Catch or ExceptionHandlerType.Filter ? 1 : 0;
            Merge(_index[h.HandlerStart], state, work, queued, stack);
            if (h.FilterStart is not null) Merge(_index[h.FilterStart], state, work, queued, 1);
        }
    }

    bool Inside(int index, Instruction start, Instruction? end) => index >= _index[start] && (end is null || index < _index[end]);

    /// <summary>Where control goes after the block ending at <paramref name="last"/>, and the stack depth it arrives with (-1: as it is).</summary>
    IEnumerable<(int Index, int Stack)> Successors(int last)
    {
        var i = _code[last];
        switch (i.OpCode.FlowControl)
        {
            case FlowControl.Branch:
                yield return (_index[(Instruction)i.Operand], -1);
                yield break;
            case FlowControl.Cond_Branch:
                if (i.Operand is Instruction[] targets)
                    foreach (var t in targets) yield return (_index[t], -1);
                else yield return (_index[(Instruction)i.Operand], -1);
                break;
            case FlowControl.Throw:
                yield break;
            case FlowControl.Return when i.OpCode.Code == Code.Endfinally:
                foreach (var target in AfterFinally(last)) yield return (target, 0);
                yield break;
            case FlowControl.Return when i.OpCode.Code == Code.Endfilter:
                foreach (var h in _method.Body.ExceptionHandlers)
                    if (h.FilterStart is not null && Inside(last, h.FilterStart, h.HandlerStart)) yield return (_index[h.HandlerStart], 1);
                yield break;
            case FlowControl.Return:
                yield break;
        }
        if (last + 1 < _code.Count) yield return (last + 1, -1);
    }

    /// <summary>A finally (or fault) block ends by continuing wherever a <c>leave</c> out of its protected block was going.</summary>
    IEnumerable<int> AfterFinally(int endfinally)
    {
        foreach (var h in _method.Body.ExceptionHandlers)
        {
            if (h.HandlerType is not (ExceptionHandlerType.Finally or ExceptionHandlerType.Fault) || !Inside(endfinally, h.HandlerStart, h.HandlerEnd)) continue;
            for (int k = _index[h.TryStart]; k < (h.TryEnd is null ? _code.Count : _index[h.TryEnd]); k++)
                if (_code[k].OpCode.Code is Code.Leave or Code.Leave_S) yield return _index[(Instruction)_code[k].Operand];
        }
    }
}
