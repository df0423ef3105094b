using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Il;

/// <summary>
/// Pinned locals (<c>fixed (byte* p = array)</c>: an array or string local, or a reference) whose pointers provably never outlive their pin: every value
/// made from the pinned local — the pointer, offsets from it, locals holding them — is only dereferenced, compared or
/// dropped, never stored to memory, passed to a call or returned, and no local holding one is read where the pin may
/// have ended since the local was written (a forward may-analysis over the control-flow graph). A use-after-unpin
/// through such a pointer cannot happen, so its block need not be recorded (a hot block then costs a shadow scan
/// instead of two records and two stack captures), and its accesses go through memory the block itself holds pinned:
/// unpin poison there is always another pin's and is ignored, as for a GC-tracked reference.
/// Anything the analysis cannot follow (a value that crosses a basic block on the stack, a <c>dup</c>, a local also
/// written from elsewhere or address-taken, an exception handler) leaves the local recorded as before.
/// </summary>
public sealed class PinConfinedPointers
{
    readonly MethodBody _body;
    readonly AddressProvenance _provenance;
    readonly Func<Instruction, bool> _isInserted;

    readonly Dictionary<VariableDefinition, HashSet<VariableDefinition>> _derivedLocals = [];   // pinned local → locals holding its pointers
    readonly Dictionary<VariableDefinition, VariableDefinition> _pinOfLocal = [];
    readonly Dictionary<VariableDefinition, List<Instruction>> _accesses = [];
    readonly HashSet<VariableDefinition> _escaping = [];
    readonly HashSet<Instruction> _storesOfPointers = [];

    public PinConfinedPointers(MethodBody body, AddressProvenance provenance, Func<Instruction, bool> isInserted)
    {
        _body = body;
        _provenance = provenance;
        _isInserted = isInserted;
        var pinned = body.Variables.Where(v => v.VariableType.IsPinned).ToList();
        if (pinned.Count == 0) return;
        if (body.ExceptionHandlers.Count > 0) { _escaping.UnionWith(pinned); return; }
        foreach (var local in pinned)
        {
            _derivedLocals[local] = [];
            _accesses[local] = [];
        }
        FollowValues(pinned);
        CheckLocalStores();
        CheckStaleness();
    }

    /// <summary>Whether every pointer made from <paramref name="pinned"/> stays inside the pin that made it.</summary>
    public bool IsConfined(VariableDefinition pinned) => _derivedLocals.ContainsKey(pinned) && !_escaping.Contains(pinned);

    /// <summary>The loads and stores whose address is a pointer made from <paramref name="pinned"/>, while it holds.</summary>
    public IReadOnlyList<Instruction> AccessesThrough(VariableDefinition pinned) => IsConfined(pinned) ? _accesses[pinned] : [];

    /// <summary>From every read of a pinned local (and of each local that comes to hold one of its pointers), each consumer in turn.</summary>
    void FollowValues(List<VariableDefinition> pinned)
    {
        var work = new Queue<(Instruction Value, VariableDefinition Pin)>();
        var rootLocals = new Dictionary<VariableDefinition, VariableDefinition>();
        foreach (var local in pinned) rootLocals[local] = local;
        var seenLocals = new HashSet<VariableDefinition>(pinned);

        void EnqueueReads(VariableDefinition local, VariableDefinition pin)
        {
            foreach (var i in _body.Instructions)
            {
                if (_isInserted(i)) continue;
                if (i.OpCode.Code == Code.Ldloc && i.Operand == local) work.Enqueue((i, pin));
                else if (i.OpCode.Code == Code.Ldloca && i.Operand == local) _escaping.Add(pin);
            }
        }
        foreach (var local in pinned) EnqueueReads(local, local);

        while (work.Count > 0)
        {
            var (value, pin) = work.Dequeue();
            if (_escaping.Contains(pin)) continue;
            var (consumer, depth) = ConsumerOf(value);
            if (value.Next is { OpCode.Code: Code.Dup } || consumer is null)
            {
                _escaping.Add(pin);
                continue;
            }
            if (StoresToBetween(pin, value, consumer)) { _escaping.Add(pin); continue; }
            switch (Classify(consumer, depth))
            {
                case Use.Derives:
                    work.Enqueue((consumer, pin));
                    break;
                case Use.Accesses:
                    _accesses[pin].Add(consumer);
                    break;
                case Use.Harmless:
                    break;
                case Use.StoresToLocal when consumer.Operand is VariableDefinition local && !local.IsPinned:
                    if (_pinOfLocal.TryGetValue(local, out var owner) && owner != pin) { _escaping.Add(pin); _escaping.Add(owner); break; }
                    _pinOfLocal[local] = pin;
                    _derivedLocals[pin].Add(local);
                    _storesOfPointers.Add(consumer);
                    if (seenLocals.Add(local)) EnqueueReads(local, pin);
                    break;
                default:
                    _escaping.Add(pin);
                    break;
            }
        }
    }

    enum Use { Derives, Accesses, Harmless, StoresToLocal, Escapes }

    static Use Classify(Instruction consumer, int depth) => consumer.OpCode.Code switch
    {
        Code.Conv_U or Code.Conv_I or Code.Conv_U8 or Code.Conv_I8 or Code.Conv_Ovf_U or Code.Conv_Ovf_I or Code.Conv_Ovf_U_Un or Code.Conv_Ovf_I_Un
            or Code.Add or Code.Sub or Code.And or Code.Or or Code.Ldflda => Use.Derives,
        Code.Ldind_I1 or Code.Ldind_U1 or Code.Ldind_I2 or Code.Ldind_U2 or Code.Ldind_I4 or Code.Ldind_U4 or Code.Ldind_I8 or Code.Ldind_I
            or Code.Ldind_R4 or Code.Ldind_R8 or Code.Ldind_Ref or Code.Ldobj or Code.Ldfld => Use.Accesses,
        Code.Stind_I1 or Code.Stind_I2 or Code.Stind_I4 or Code.Stind_I8 or Code.Stind_I or Code.Stind_R4 or Code.Stind_R8 or Code.Stind_Ref
            or Code.Stobj or Code.Stfld => depth == 1 ? Use.Accesses : Use.Escapes,
        Code.Cpblk => depth == 0 ? Use.Harmless : Use.Accesses,
        // A pinned array local (Roslyn's `fixed` over an array): its length, its elements, the address of one.
        Code.Ldelema => depth == 1 ? Use.Derives : Use.Escapes,
        Code.Ldlen => Use.Harmless,
        Code.Ldelem_I1 or Code.Ldelem_U1 or Code.Ldelem_I2 or Code.Ldelem_U2 or Code.Ldelem_I4 or Code.Ldelem_U4 or Code.Ldelem_I8 or Code.Ldelem_I
            or Code.Ldelem_R4 or Code.Ldelem_R8 or Code.Ldelem_Ref or Code.Ldelem_Any => depth == 1 ? Use.Harmless : Use.Escapes,
        Code.Initblk => depth == 2 ? Use.Accesses : Use.Harmless,
        Code.Ceq or Code.Cgt or Code.Cgt_Un or Code.Clt or Code.Clt_Un or Code.Brtrue or Code.Brfalse or Code.Beq or Code.Bne_Un
            or Code.Bge or Code.Bge_Un or Code.Bgt or Code.Bgt_Un or Code.Ble or Code.Ble_Un or Code.Blt or Code.Blt_Un or Code.Pop => Use.Harmless,
        Code.Stloc => Use.StoresToLocal,
        _ => Use.Escapes,
    };

    /// <summary>The one instruction that takes <paramref name="value"/>'s result, and at which depth; null when it is in another block.</summary>
    (Instruction? Consumer, int Depth) ConsumerOf(Instruction value)
    {
        for (var i = value.Next; i is not null; i = i.Next)
        {
            var (pops, _) = StackEffects.Of(i, _body.Method);
            for (int depth = 0; depth < pops; depth++)
                if (_provenance.ProducerOf(i, depth) == value) return (i, depth);
            if (EndsBlock(i) || i.Next is { } next && IsBranchTarget(next)) return (null, 0);
        }
        return (null, 0);
    }

    HashSet<Instruction>? _targets;

    bool IsBranchTarget(Instruction i)
    {
        _targets ??= _body.Instructions.SelectMany(BasicBlocks.Targets).ToHashSet();
        return _targets.Contains(i);
    }

    /// <summary>A store into the pinned local between a value made from it and its use: the pin that made it may be over.</summary>
    static bool StoresToBetween(VariableDefinition pin, Instruction from, Instruction to)
    {
        for (var i = from.Next; i is not null && i != to; i = i.Next)
            if (i.OpCode.Code == Code.Stloc && i.Operand == pin) return true;
        return false;
    }

    /// <summary>A local holding a pin's pointers may be written only with them or with null (Roslyn's empty-array path).</summary>
    void CheckLocalStores()
    {
        foreach (var (local, pin) in _pinOfLocal)
        {
            foreach (var i in _body.Instructions)
            {
                if (_isInserted(i) || i.OpCode.Code != Code.Stloc || i.Operand != local) continue;
                if (_storesOfPointers.Contains(i) || _provenance.ProducerOf(i, 0) is { } value && StoresZero(value)) continue;
                _escaping.Add(pin);
            }
        }
    }

    bool StoresZero(Instruction value) => value.OpCode.Code switch
    {
        Code.Ldnull => true,
        Code.Ldc_I4 => value.Operand is 0,
        Code.Ldc_I8 => value.Operand is 0L,
        Code.Conv_U or Code.Conv_I => _provenance.ProducerOf(value, 0) is { } inner && StoresZero(inner),
        _ => false,
    };

    /// <summary>
    /// Forward may-analysis: which pointer locals may hold a pointer whose pin has ended (or that was never written).
    /// A read of one makes its pinned local escaping.
    /// </summary>
    void CheckStaleness()
    {
        var tracked = _pinOfLocal.Keys.Where(l => !_escaping.Contains(_pinOfLocal[l])).ToList();
        if (tracked.Count == 0) return;
        var blocks = BasicBlocks.Of(_body);
        var entryOf = blocks.ToDictionary(b => b[0]);
        var incoming = new Dictionary<Instruction, HashSet<VariableDefinition>> { [_body.Instructions[0]] = [.. tracked] };
        var work = new Queue<Instruction>([_body.Instructions[0]]);
        var queued = new HashSet<Instruction>(work);
        while (work.Count > 0)
        {
            var start = work.Dequeue();
            queued.Remove(start);
            var state = new HashSet<VariableDefinition>(incoming[start]);
            foreach (var i in entryOf[start]) Transfer(i, state);
            foreach (var successor in BasicBlocks.Successors(entryOf[start][^1]))
            {
                if (!entryOf.ContainsKey(successor)) continue;
                bool changed;
                if (!incoming.TryGetValue(successor, out var known)) { incoming[successor] = [.. state]; changed = true; }
                else { int before = known.Count; known.UnionWith(state); changed = known.Count != before; }
                if (changed && queued.Add(successor)) work.Enqueue(successor);
            }
        }
    }

    void Transfer(Instruction i, HashSet<VariableDefinition> stale)
    {
        if (_isInserted(i) || i.Operand is not VariableDefinition local) return;
        if (i.OpCode.Code == Code.Ldloc && stale.Contains(local) && _pinOfLocal.TryGetValue(local, out var pin)) _escaping.Add(pin);
        else if (i.OpCode.Code == Code.Stloc && _derivedLocals.TryGetValue(local, out var derived)) stale.UnionWith(derived);   // a pin ends or changes
        else if (i.OpCode.Code == Code.Stloc) stale.Remove(local);
    }

    static bool EndsBlock(Instruction i) => i.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw
        || i.OpCode.Code is Code.Endfinally or Code.Leave or Code.Endfilter;
}
