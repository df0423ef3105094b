using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// Follows a by-reference argument through a callee's whole body (<see cref="ByrefEffects"/>): a forward dataflow over
/// the evaluation stack that tags every slot holding an address derived from the argument with its member paths
/// (`ldarg.0; ldflda inner` is "inner"), across branches and joins (a conditional argument between the address and
/// its call), through by-reference locals (flow-insensitively: a ref local holds whatever any store put in it) and
/// through calls that hand back a reference into it. Each instruction that consumes a tagged slot is classified by
/// <see cref="AccessUse.Classify"/>.
/// </summary>
internal sealed class ByrefFlow
{
    /// <summary>An evaluation-stack slot: the member paths it may point to (empty: not derived from the argument).</summary>
    sealed class Slot(IEnumerable<string> paths)
    {
        public readonly HashSet<string> Paths = [.. paths];
        public static readonly Slot Untracked = new([]);
    }

    readonly MethodDefinition _method;
    readonly ParameterDefinition _argument;
    readonly GenericContext _context;
    readonly ByrefEffects _effects;
    readonly int _level;
    readonly Dictionary<Instruction, Slot[]> _entry = [];
    readonly Dictionary<VariableDefinition, HashSet<string>> _locals = [];
    readonly List<MemberEffect> _members = [];
    readonly HashSet<string> _returned = [];
    bool _escaped;

    ByrefFlow(MethodDefinition method, ParameterDefinition argument, GenericContext context, ByrefEffects effects, int level)
    {
        _method = method;
        _argument = argument;
        _context = context;
        _effects = effects;
        _level = level;
    }

    /// <summary>Members of <paramref name="argument"/> the body touches and paths it returns; null when it cannot be followed.</summary>
    public static (List<MemberEffect> Members, List<string> Returned)? Run(MethodDefinition method, ParameterDefinition argument, GenericContext context,
        ByrefEffects effects, int level)
    {
        var flow = new ByrefFlow(method, argument, context, effects, level);
        // Locals are flow-insensitive: run again while a ref local learns new paths (bounded: paths only grow).
        for (int round = 0; round < 4; round++)
        {
            int known = flow._locals.Sum(l => l.Value.Count);
            flow._entry.Clear();
            flow._members.Clear();
            flow._returned.Clear();
            flow.Propagate();
            if (flow._escaped) return null;
            if (flow._locals.Sum(l => l.Value.Count) == known) return (flow._members, [.. flow._returned]);
        }
        return null;
    }

    void Propagate()
    {
        var body = _method.Body;
        var work = new Stack<Instruction>();
        Enter(body.Instructions[0], [], work);
        foreach (var handler in body.ExceptionHandlers)
        {
            bool catches = handler.HandlerType is ExceptionHandlerType.Catch or ExceptionHandlerType.Filter;
            Enter(handler.HandlerStart, catches ? [Slot.Untracked] : [], work);
            if (handler.FilterStart is not null) Enter(handler.FilterStart, [Slot.Untracked], work);
        }
        while (work.Count > 0)
        {
            var i = work.Pop();
            var stack = new List<Slot>(_entry[i]);
            Step(i, stack);
            if (_escaped) return;
            foreach (var next in Successors(i)) Enter(next, [.. stack], work);
        }
    }

    /// <summary>Merges a stack into an instruction's entry state; queues it when that state grew.</summary>
    void Enter(Instruction target, Slot[] stack, Stack<Instruction> work)
    {
        if (!_entry.TryGetValue(target, out var known))
        {
            _entry[target] = stack;
            work.Push(target);
            return;
        }
        if (known.Length != stack.Length) return;   // unbalanced (invalid or unreachable) code: keep the first shape
        bool grew = false;
        for (int k = 0; k < stack.Length; k++)
        {
            if (stack[k].Paths.IsSubsetOf(known[k].Paths)) continue;
            known[k] = new Slot(known[k].Paths.Union(stack[k].Paths));
            grew = true;
        }
        if (grew) work.Push(target);
    }

    static IEnumerable<Instruction> Successors(Instruction i)
    {
        switch (i.OpCode.FlowControl)
        {
            case FlowControl.Branch:
                if (i.Operand is Instruction target) yield return target;
                yield break;   // br, leave (handlers are seeded on their own)
            case FlowControl.Cond_Branch:
                if (i.Operand is Instruction conditional) yield return conditional;
                if (i.Operand is Instruction[] cases) foreach (var c in cases) yield return c;
                break;
            case FlowControl.Return or FlowControl.Throw:
                yield break;
        }
        if (i.OpCode.Code is Code.Endfinally or Code.Endfilter or Code.Rethrow) yield break;
        if (i.Next is not null) yield return i.Next;
    }

    void Step(Instruction i, List<Slot> stack)
    {
        if (i.OpCode.OpCodeType == OpCodeType.Prefix) return;
        if (i.OpCode.Code is Code.Leave or Code.Leave_S) { stack.Clear(); return; }
        if (i.OpCode.Code is Code.Ldarga or Code.Ldarga_S or Code.Starg or Code.Starg_S && i.Operand == _argument)
        {
            _escaped = true;   // the argument itself is reassigned or aliased: not followed
            return;
        }
        if (AccessUse.LoadedParameterOf(i, _method) == _argument)
        {
            stack.Add(new Slot([""]));
            return;
        }
        if (AccessUse.LoadedLocal(i, _method) is { } loaded && _locals.TryGetValue(loaded, out var held))
        {
            stack.Add(new Slot(held));
            return;
        }
        if (i.OpCode.Code == Code.Dup && stack.Count > 0)
        {
            stack.Add(stack[^1]);
            return;
        }
        if (i.OpCode.Code is Code.Ldloca or Code.Ldloca_S && i.Operand is VariableDefinition aliased && _locals.ContainsKey(aliased))
        {
            _escaped = true;   // a ref local written through its address: not followed
            return;
        }
        var (pops, pushes) = StackEffects.Of(i, _method);
        if (i.OpCode.Code is Code.Ret && _method.ReturnType.MetadataType == MetadataType.Void) pops = 0;
        if (pops > stack.Count) pops = stack.Count;
        var popped = stack.GetRange(stack.Count - pops, pops);
        stack.RemoveRange(stack.Count - pops, pops);
        var pushed = new HashSet<string>();
        for (int k = 0; k < popped.Count; k++)
        {
            if (popped[k].Paths.Count == 0) continue;
            int depth = popped.Count - k;   // 1 = the top of the stack
            foreach (string path in popped[k].Paths) Consume(i, depth, pops, path, pushed);
        }
        for (int n = 0; n < pushes; n++) stack.Add(n == 0 && pushed.Count > 0 ? new Slot(pushed) : Slot.Untracked);
    }

    /// <summary>One tagged operand of <paramref name="i"/>: propagate (member address, ref local) or record its effect.</summary>
    void Consume(Instruction i, int depth, int pops, string path, HashSet<string> pushed)
    {
        if (i.OpCode.Code == Code.Ldflda)
        {
            pushed.Add(StructMembers.Join(path, ((FieldReference)i.Operand).Name));
            return;
        }
        if (IsArithmetic(i))
        {
            pushed.Add(StructMembers.Anywhere);   // a pointer made from the address, an offset from it: somewhere in the argument
            return;
        }
        if (AccessUse.StoredLocal(i, _method) is { } local)
        {
            if (!local.VariableType.IsByReference) return;   // an address kept as a number: no longer followed (like a pointer)
            if (!_locals.TryGetValue(local, out var paths)) _locals[local] = paths = [];
            paths.Add(path);
            return;
        }
        var target = TargetType(path);
        var access = AccessUse.Classify(i, depth, pops, path, target, _method, _context, _effects, _level);
        _members.AddRange(access.Members);
        if (i.OpCode.Code == Code.Ret) _returned.UnionWith(access.Returned);
        else pushed.UnionWith(access.Returned);
    }

    static bool IsArithmetic(Instruction i) => i.OpCode.Code is Code.Add or Code.Sub or Code.Add_Ovf or Code.Add_Ovf_Un or Code.Sub_Ovf
        or Code.Sub_Ovf_Un or Code.Conv_I or Code.Conv_U or Code.Conv_Ovf_I or Code.Conv_Ovf_U or Code.Conv_Ovf_I_Un or Code.Conv_Ovf_U_Un
        or Code.Conv_I8 or Code.Conv_U8;

    /// <summary>The type at a path below the argument (to recognise a SpinLock member handed to a helper).</summary>
    TypeReference? TargetType(string path)
    {
        var type = _argument == _method.Body.ThisParameter ? _method.DeclaringType : (_argument.ParameterType as ByReferenceType)?.ElementType;
        if (type is null || path.Length == 0) return type is null ? null : _context.Substitute(type);
        foreach (string name in path.Split('.'))
        {
            if (type.TryResolve()?.Fields.FirstOrDefault(f => f.Name == name) is not { } field) return null;
            type = type is GenericInstanceType instance ? GenericSubstitution.Apply(field.FieldType, instance.GenericArguments) : field.FieldType;
        }
        return _context.Substitute(type);
    }
}
