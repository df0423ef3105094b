using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Il;

/// <summary>
/// Counted loops whose pointer accesses can be checked once per loop entry instead of once per iteration (ASan--'s
/// loop check merging). A loop qualifies when it has C#'s <c>for</c> shape — <c>br COND; BODY: …; i += k; COND: if (i &lt; n) goto BODY</c>
/// (Release's <c>blt</c> or Debug's <c>clt; stloc; ldloc; brtrue</c>) — and nothing in it can change what the range check
/// proved: no call at all (a call may free, unpin or return memory to a pool), no store to a pinned local, no
/// exception-handler boundary, no entry but the one, and <c>i</c> written only by its increment. An access qualifies when
/// it lies before the increment and its address is <c>p + i * scale</c> with <c>p</c> and <c>n</c> unchanged in the
/// loop (locals or arguments whose address is never taken, or constants). Then every such access reads or writes inside
/// <c>[p + start*scale, p + (n-1)*scale + size)</c>, which the loop's entry checks once; when that range is not all
/// addressable the per-access checks run as before, so a report still names the first bad iteration.
/// </summary>
public static class LoopRangeGuards
{
    /// <summary>
    /// An access covered by its loop's range check: the pointer's load and the byte distance between elements; for
    /// <c>array[X + i]</c>, <paramref name="Offset"/> is the code computing X (see <see cref="InvariantOffset"/>).
    /// </summary>
    public sealed record Access(Instruction Instruction, Instruction Base, int Scale, int Size, IReadOnlyList<Instruction>? Offset = null)
    {
        /// <summary>Tells accesses with the same base and the same offset code apart from others (one range check each).</summary>
        public string OffsetKey => Offset is null ? "" : string.Join(";", Offset.Select(o => $"{o.OpCode.Code} {o.Operand}"));
    }

    /// <summary>
    /// One qualifying loop: the <c>br</c> that enters it (the range check goes in front of it), the index local, the
    /// bound's load (one or two instructions), whether the compare is unsigned, the covered accesses, and the loop's
    /// first body instruction and closing backward branch (the stretch <see cref="LoopVersioning"/> copies).
    /// </summary>
    public sealed record Loop(Instruction Entry, VariableDefinition Index, IReadOnlyList<Instruction> Bound, bool Unsigned, List<Access> Accesses,
        Instruction First, Instruction Back, LoopDirection Direction = LoopDirection.Up)
    {
        /// <summary>
        /// Code that pushes the index range the loop can reach as two native ints, <c>[start, end)</c>, from the index's value
        /// at entry and the bound: <c>[i, n)</c> counting up, <c>[lo, i + 1)</c> down to <c>i &gt;= lo</c>, <c>[lo + 1, i + 1)</c> down to <c>i &gt; lo</c>.
        /// </summary>
        public IEnumerable<Instruction> IndexRange()
        {
            var conv = Unsigned ? OpCodes.Conv_U : OpCodes.Conv_I;
            IEnumerable<Instruction> IndexValue() => [Instruction.Create(OpCodes.Ldloc, Index), Instruction.Create(conv)];
            IEnumerable<Instruction> BoundValue() => Bound.Select(b => { var c = Instruction.Create(OpCodes.Nop); c.OpCode = b.OpCode; c.Operand = b.Operand; return c; })
                .Append(Instruction.Create(conv));
            IEnumerable<Instruction> PlusOne() => [Instruction.Create(OpCodes.Ldc_I4_1), Instruction.Create(OpCodes.Conv_I), Instruction.Create(OpCodes.Add)];
            return Direction switch
            {
                LoopDirection.Up => [.. IndexValue(), .. BoundValue()],
                LoopDirection.DownToInclusive => [.. BoundValue(), .. IndexValue(), .. PlusOne()],
                _ => [.. BoundValue(), .. PlusOne(), .. IndexValue(), .. PlusOne()],
            };
        }
    }

    /// <summary>How the index moves: up to an exclusive bound (<c>i &lt; n</c>), or down to <c>i &gt;= lo</c> or <c>i &gt; lo</c>.</summary>
    public enum LoopDirection { Up, DownToInclusive, DownToExclusive }

    /// <summary>Loops whose pointer accesses <c>p[i]</c> (as <see cref="Passes.MemoryAccessPass"/> checks them) are covered.</summary>
    /// <param name="describe">The access's (depth of its address, size in bytes, has a field) or null when it is no access.</param>
    /// <param name="inserted">Instructions earlier passes inserted (under address,memory: MSan's shadow bookkeeping, interleaved
    /// with the loop's own code); the loop's shape is matched on the program's instructions only.</param>
    public static List<Loop> Find(MethodBody body, AddressProvenance provenance, Func<Instruction, (int Depth, int? Size, bool Field)?> describe, Func<Instruction, bool>? inserted = null) =>
        Find(body, harmlessCall: IsShadowBookkeeping, inserted: inserted, match: (access, i, native) =>
        {
            if (describe(access) is not { Field: false, Size: int size } shape) return null;
            if (provenance.Classify(access, shape.Depth) != AddressKind.Pointer) return null;
            if (Affine(provenance, access, shape.Depth, i, native) is not { } affine || !IsPointerLoad(affine.Base)) return null;
            return new Access(access, affine.Base, affine.Scale, size);
        });

    /// <summary>
    /// MemorySanitizer's shadow loads, stores and use checks, inserted before address's passes under address,memory: they
    /// only touch the definedness shadow, so they cannot free, unpin or return memory and must not cost a loop its merged check.
    /// </summary>
    public static bool IsShadowBookkeeping(Instruction call) => call.Operand is MethodReference m
        && m.DeclaringType.FullName is "SharpSan.Runtime.Memory.MemoryChecks" or "SharpSan.Runtime.Memory.RentedArrays";

    /// <param name="harmlessCall">Calls inserted by earlier passes that cannot free, unpin or return memory (the address checks).</param>
    /// <param name="match">The covered access at an instruction of the loop, given the index local and whether it is native-sized; its Base is checked for invariance here.</param>
    public static List<Loop> Find(MethodBody body, Func<Instruction, bool> harmlessCall, Func<Instruction, VariableDefinition, bool, Access?> match, Func<Instruction, bool>? inserted = null)
    {
        var shape = new Shape(inserted ?? (_ => false));
        var loops = new List<Loop>();
        var instructions = body.Instructions;
        var index = new Dictionary<Instruction, int>();
        for (int k = 0; k < instructions.Count; k++) index[instructions[k]] = k;
        var stores = new LocalStores(body);
        var argumentsTouched = ArgumentsStoredOrAddressTaken(body);
        for (int b = 0; b < instructions.Count; b++)
        {
            var back = instructions[b];
            if (back.Operand is not Instruction bodyStart || !index.TryGetValue(bodyStart, out int start) || start > b) continue;
            if (start == 0 || instructions[start - 1] is not { OpCode.Code: Code.Br, Operand: Instruction cond } entry) continue;
            if (!index.TryGetValue(cond, out int condAt) || condAt <= start || condAt > b) continue;
            if (Condition(cond, back, shape) is not { } condition) continue;
            var i = condition.Index;
            if (i.VariableType.MetadataType is not (MetadataType.Int32 or MetadataType.IntPtr or MetadataType.UIntPtr)) continue;
            bool native = i.VariableType.MetadataType != MetadataType.Int32;
            if (condition.Unsigned && !native) continue;
            if (stores.IsAddressTaken(i)) continue;
            if (Increment(cond, i, native, condition.Direction != LoopDirection.Up, shape) is not { } increment) continue;
            if (!Invariant(condition.Bound, start, b, stores, argumentsTouched, index)) continue;
            if (!Closed(body, index, start, b, entry) || HasBlocker(instructions, start, b, harmlessCall)) continue;
            var loop = new Loop(entry, i, condition.Bound, condition.Unsigned, [], bodyStart, back, condition.Direction);
            int incrementAt = index[increment];
            for (int k = start; k < incrementAt; k++)
                if (match(instructions[k], i, native) is { } access
                    && Invariant([access.Base, .. (access.Offset ?? []).Where(o => o.OpCode.Code is Code.Ldloc or Code.Ldarg or Code.Ldc_I4)], start, b, stores, argumentsTouched, index))
                    loop.Accesses.Add(access);
            if (loop.Accesses.Count > 0) loops.Add(loop);
        }
        return loops;
    }

    record struct LoopCondition(VariableDefinition Index, IReadOnlyList<Instruction> Bound, bool Unsigned, LoopDirection Direction = LoopDirection.Up);

    /// <summary><c>ldloc i; BOUND; blt[.un] BODY</c> or <c>ldloc i; BOUND; clt[.un]; stloc t; ldloc t; brtrue BODY</c>, ending at <paramref name="back"/>;
    /// counting down (Release's shape only), <c>ldloc i; BOUND; bge|bgt BODY</c>.</summary>
    static LoopCondition? Condition(Instruction cond, Instruction back, Shape shape)
    {
        if (cond is not { OpCode.Code: Code.Ldloc, Operand: VariableDefinition i }) return null;
        var bound = new List<Instruction>();
        var at = shape.Next(cond);
        if (at is null) return null;
        bound.Add(at);
        if (at.OpCode.Code == Code.Ldc_I4 && shape.Next(at) is { OpCode.Code: Code.Conv_I or Code.Conv_U } conv) { bound.Add(conv); at = conv; }
        else if (at.OpCode.Code is not (Code.Ldloc or Code.Ldarg or Code.Ldc_I4)) return null;
        var compare = shape.Next(at);
        if (compare == back && back.OpCode.Code is Code.Blt or Code.Blt_Un) return new(i, bound, back.OpCode.Code == Code.Blt_Un);
        if (compare == back && back.OpCode.Code is Code.Bge or Code.Bgt)
            return new(i, bound, Unsigned: false, back.OpCode.Code == Code.Bge ? LoopDirection.DownToInclusive : LoopDirection.DownToExclusive);
        if (compare is { OpCode.Code: Code.Clt or Code.Clt_Un } && shape.Next(compare) is { OpCode.Code: Code.Stloc, Operand: VariableDefinition t } store
            && shape.Next(store) is { OpCode.Code: Code.Ldloc } load && load.Operand == t && shape.Next(load) == back && back.OpCode.Code == Code.Brtrue)
            return new(i, bound, compare.OpCode.Code == Code.Clt_Un);
        return null;
    }

    /// <summary>Neighbours among the program's own instructions, stepping over those earlier passes inserted.</summary>
    sealed class Shape(Func<Instruction, bool> inserted)
    {
        public Instruction? Next(Instruction i)
        {
            var next = i.Next;
            while (next is not null && inserted(next)) next = next.Next;
            return next;
        }

        public Instruction? Previous(Instruction i)
        {
            var previous = i.Previous;
            while (previous is not null && inserted(previous)) previous = previous.Previous;
            return previous;
        }
    }

    /// <summary><c>ldloc i; ldc k; [conv]; add; stloc i</c> (<c>sub</c> counting down) right before the condition (nops between
    /// allowed): the store, or null. An int index steps by one (it cannot wrap before reaching any int bound); a native one
    /// by any positive constant.</summary>
    static Instruction? Increment(Instruction cond, VariableDefinition i, bool native, bool down, Shape shape)
    {
        var store = shape.Previous(cond);
        while (store is { OpCode.Code: Code.Nop }) store = shape.Previous(store);
        if (store is not { OpCode.Code: Code.Stloc } || store.Operand != i) return null;
        var add = shape.Previous(store);
        if (add is null || add.OpCode.Code != (down ? Code.Sub : Code.Add)) return null;
        var step = shape.Previous(add);
        if (step is { OpCode.Code: Code.Conv_I or Code.Conv_U }) step = shape.Previous(step);
        if (step is not { OpCode.Code: Code.Ldc_I4, Operand: int k } || k < 1 || (!native && k != 1)) return null;
        if (shape.Previous(step) is not { OpCode.Code: Code.Ldloc } load || load.Operand != i) return null;
        return load;
    }

    /// <summary>Every store to a local or argument in the loop, or a store to <paramref name="i"/> other than the increment, disqualifies it.</summary>
    static bool Invariant(IReadOnlyList<Instruction> loads, int start, int end, LocalStores stores, HashSet<ParameterDefinition> argumentsTouched, Dictionary<Instruction, int> index)
    {
        foreach (var load in loads)
        {
            switch (load.Operand)
            {
                case VariableDefinition v when load.OpCode.Code == Code.Ldloc:
                    if (stores.IsAddressTaken(v)) return false;
                    foreach (var store in stores.Of(v))
                        if (index.TryGetValue(store, out int at) && at >= start && at <= end) return false;
                    break;
                case ParameterDefinition p when load.OpCode.Code == Code.Ldarg:
                    if (argumentsTouched.Contains(p)) return false;
                    break;
                case int when load.OpCode.Code == Code.Ldc_I4:
                    break;
                default:
                    if (load.OpCode.Code is not (Code.Conv_I or Code.Conv_U)) return false;
                    break;
            }
        }
        return true;
    }

    static HashSet<ParameterDefinition> ArgumentsStoredOrAddressTaken(MethodBody body)
    {
        var touched = new HashSet<ParameterDefinition>();
        foreach (var i in body.Instructions)
            if (i.OpCode.Code is Code.Starg or Code.Ldarga && i.Operand is ParameterDefinition p) touched.Add(p);
        return touched;
    }

    /// <summary>Only the entry branch comes in from outside [start, end], and no exception handler begins or ends inside it.</summary>
    static bool Closed(MethodBody body, Dictionary<Instruction, int> index, int start, int end, Instruction entry)
    {
        bool Inside(Instruction? t) => t is not null && index.TryGetValue(t, out int at) && at > start && at <= end;
        foreach (var i in body.Instructions)
        {
            if (i == entry || index[i] >= start && index[i] <= end) continue;
            if (i.Operand is Instruction t && (Inside(t) || t == body.Instructions[start])) return false;
            if (i.Operand is Instruction[] ts && ts.Any(t => Inside(t) || t == body.Instructions[start])) return false;
        }
        foreach (var h in body.ExceptionHandlers)
            if (Inside(h.TryStart) || Inside(h.TryEnd) || Inside(h.HandlerStart) || Inside(h.HandlerEnd) || Inside(h.FilterStart)
                || h.TryStart == body.Instructions[start] || h.HandlerStart == body.Instructions[start]) return false;
        return true;
    }

    /// <summary>Anything that may free, unpin or hand memory back: any call (checked code may free; an inserted pin call unpins), a pinned local's store, localloc.</summary>
    static bool HasBlocker(Mono.Collections.Generic.Collection<Instruction> instructions, int start, int end, Func<Instruction, bool> harmlessCall)
    {
        for (int k = start; k <= end; k++)
        {
            var i = instructions[k];
            if (i.OpCode.FlowControl == FlowControl.Call && !harmlessCall(i) || i.OpCode.Code is Code.Localloc or Code.Jmp) return true;
            if (i.OpCode.Code == Code.Stloc && i.Operand is VariableDefinition { IsPinned: true }) return true;
        }
        return false;
    }

    /// <summary>
    /// The address of <paramref name="access"/> as <c>BASE + i * scale</c>: <c>BASE; ldloc i; [conv]; [ldc scale; [conv]; mul; [conv]]; add</c>.
    /// Widening conversions are looked through (a 64-bit process): sign-extending ones only for an int index, which the
    /// range check sign-extends too; any of them for a native one.
    /// </summary>
    static (Instruction Base, int Scale)? Affine(AddressProvenance provenance, Instruction access, int depth, VariableDefinition i, bool native)
    {
        if (provenance.ProducerOf(access, depth) is not { OpCode.Code: Code.Add } add) return null;
        if (provenance.ProducerOf(add, 1) is not { } baseLoad || baseLoad.OpCode.Code is not (Code.Ldloc or Code.Ldarg)) return null;
        var offset = Widened(provenance, provenance.ProducerOf(add, 0), native);
        int scale = 1;
        if (offset is { OpCode.Code: Code.Mul } mul)
        {
            if (Widened(provenance, provenance.ProducerOf(mul, 0), native: true) is not { OpCode.Code: Code.Ldc_I4, Operand: int s } || s < 1) return null;
            scale = s;
            offset = Widened(provenance, provenance.ProducerOf(mul, 1), native);
        }
        if (offset is not { OpCode.Code: Code.Ldloc } || offset.Operand != i) return null;
        return (baseLoad, scale);
    }

    /// <summary>
    /// The code of an int offset X that <paramref name="value"/> computes from locals, arguments and constants with
    /// add, sub and mul (at most <paramref name="depth"/> operators deep), in evaluation order, or null. Its loads are
    /// checked for invariance by <see cref="Find"/>; copied in front of the loop it computes the same X, wrap-around included.
    /// </summary>
    public static List<Instruction>? InvariantOffset(AddressProvenance provenance, Instruction? value, VariableDefinition index, int depth = 3)
    {
        switch (value?.OpCode.Code)
        {
            case Code.Ldloc when value.Operand != index && value.Operand is VariableDefinition { VariableType.MetadataType: MetadataType.Int32 }:
            case Code.Ldarg when value.Operand is ParameterDefinition { ParameterType.MetadataType: MetadataType.Int32 }:
            case Code.Ldc_I4:
                return [value];
            case Code.Add or Code.Sub or Code.Mul when depth > 0:
                if (InvariantOffset(provenance, provenance.ProducerOf(value, 1), index, depth - 1) is not { } left) return null;
                if (InvariantOffset(provenance, provenance.ProducerOf(value, 0), index, depth - 1) is not { } right) return null;
                return [.. left, .. right, value];
            default:
                return null;
        }
    }

    public static Instruction? Widened(AddressProvenance provenance, Instruction? value, bool native)
    {
        while (value is not null && (value.OpCode.Code is Code.Conv_I or Code.Conv_I8 || native && value.OpCode.Code is Code.Conv_U or Code.Conv_U8))
            value = provenance.ProducerOf(value, 0);
        return value;
    }

    /// <summary>The base is a raw pointer (or native int): a managed reference could move between the range check and the access.</summary>
    static bool IsPointerLoad(Instruction load)
    {
        var type = load.Operand switch
        {
            VariableDefinition v => v.VariableType,
            ParameterDefinition p => p.ParameterType,
            _ => null,
        };
        return type is not null && (type.IsPointer || type.MetadataType is MetadataType.IntPtr or MetadataType.UIntPtr);
    }
}
