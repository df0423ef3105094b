using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Races;

/// <summary>What each instruction does to the objects <see cref="UnpublishedFlow"/> follows.</summary>
sealed partial class UnpublishedFlow
{
    /// <summary>
    /// One instruction's effect on <paramref name="state"/>. With <paramref name="accesses"/> (the final sweep), an
    /// access whose object is unpublished at this point is recorded.
    /// </summary>
    void Transfer(Instruction i, UnpublishedState state, HashSet<Instruction>? accesses)
    {
        var code = i.OpCode.Code;
        switch (code)
        {
            case Code.Nop or Code.Volatile or Code.Constrained or Code.Readonly or Code.Tail or Code.Unaligned or Code.No:
                return;
            case Code.Ldloc or Code.Ldloc_S or (>= Code.Ldloc_0 and <= Code.Ldloc_3) or Code.Ldarg or Code.Ldarg_S or (>= Code.Ldarg_0 and <= Code.Ldarg_3):
                state.Push(state.Variable(Slot(i)));
                return;
            case Code.Stloc or Code.Stloc_S or (>= Code.Stloc_0 and <= Code.Stloc_3) or Code.Starg or Code.Starg_S:
                int slot = Slot(i), stored = state.Pop();
                if (_addressTaken.Contains(slot)) state.Escape(stored);   // may be read back through a pointer
                else state.SetVariable(slot, stored);
                return;
            case Code.Ldnull:
                state.Push(UnpublishedState.Null);
                return;
            case Code.Dup:
                state.Push(state.Peek());
                return;
            case Code.Pop:
                state.Pop();
                return;
            case Code.Castclass or Code.Isinst:   // the same object (or null)
                return;
            case Code.Newarr:
                state.Pop();
                state.Allocate(_sites[i]);
                state.Push(_sites[i]);
                return;
            case Code.Ldfld:
                int owner = state.Pop();
                Record(i, owner, state, accesses);
                state.Push(state.Load(owner, FieldKey((FieldReference)i.Operand)));
                return;
            case Code.Stfld:
                int value = state.Pop(), target = state.Pop();
                Record(i, target, state, accesses);
                state.Store(target, value, FieldKey((FieldReference)i.Operand));
                return;
            case Code.Ldflda:
                int addressed = state.Pop();
                Record(i, addressed, state, accesses);
                state.ForgetField(addressed, FieldKey((FieldReference)i.Operand));   // may be written through the address
                state.Push(UnpublishedState.Unknown);
                return;
            case (>= Code.Ldelem_I1 and <= Code.Ldelem_Ref) or Code.Ldelem_Any or Code.Ldelema:
                state.Pop();
                int loadedFrom = state.Pop();
                Record(i, loadedFrom, state, accesses);
                if (code == Code.Ldelema) state.EscapeHeld(loadedFrom);   // elements may be read or replaced through the address
                state.Push(code is Code.Ldelem_Ref or Code.Ldelem_Any ? state.LoadElement(loadedFrom) : UnpublishedState.Unknown);
                return;
            case (>= Code.Stelem_I and <= Code.Stelem_Ref) or Code.Stelem_Any:
                int element = state.Pop();
                state.Pop();
                int array = state.Pop();
                Record(i, array, state, accesses);
                state.Store(array, element, null);
                return;
            case Code.Ldlen:
                state.Pop();
                state.Push(UnpublishedState.Unknown);
                return;
            case Code.Call or Code.Callvirt or Code.Newobj:
                Call(i, state, accesses);
                return;
            case Code.Leave or Code.Leave_S or Code.Endfinally:
                state.ClearStack();
                return;
            case Code.Ceq or Code.Cgt or Code.Cgt_Un or Code.Clt or Code.Clt_Un:   // comparing references publishes nothing
                state.Pop();
                state.Pop();
                state.Push(UnpublishedState.Unknown);
                return;
        }
        var (pops, pushes) = StackEffects.Of(i, _method);
        bool publishes = i.OpCode.FlowControl != FlowControl.Cond_Branch;   // `if (x != null)` publishes nothing
        for (int k = 0; k < pops; k++)
        {
            int popped = state.Pop();
            if (publishes) state.Escape(popped);   // ret, throw, stsfld, stind, box, anything not modelled
        }
        for (int k = 0; k < pushes; k++) state.Push(UnpublishedState.Unknown);
    }

    /// <summary>
    /// A call publishes its arguments, except the receiver of a call known not to keep it (a chained constructor that
    /// does not leak <c>this</c>, a collection method) and arguments of a few framework helpers.
    /// </summary>
    void Call(Instruction i, UnpublishedState state, HashSet<Instruction>? accesses)
    {
        var callee = (MethodReference)i.Operand;
        var (pops, pushes) = StackEffects.Of(i, _method);
        var arguments = new int[pops];
        for (int k = pops - 1; k >= 0; k--) arguments[k] = state.Pop();
        bool hasReceiver = callee.HasThis && i.OpCode.Code != Code.Newobj && pops > 0;
        if (hasReceiver && state.IsUnpublished(arguments[0]) && _objects.InitializingAccessor(callee) is { } accessor)
        {
            // `new T { P = v }`: the accessor's one access, as if written here (the call is pointed at an unchecked twin).
            accesses?.Add(i);
            if (accessor.Stores) state.Store(arguments[0], arguments[1], FieldKey(accessor.Field));
            else state.Push(state.Load(arguments[0], FieldKey(accessor.Field)));
            return;
        }
        bool keepsReceiver = false;
        if (hasReceiver && state.IsUnpublished(arguments[0]))
        {
            if (i.OpCode.Code == Code.Call && callee.Name == ".ctor" && arguments[0] == _this)
            {
                keepsReceiver = _objects.ChainedConstructorKeepsThis(callee);
                state.ForgetField(_this, null);   // the chained constructor may have stored anything
            }
            else if (_objects.IsCollectionCallKeepingReceiver(i, callee))
            {
                keepsReceiver = true;
                accesses?.Add(i);
            }
            else if (UnpublishedObjects.KeepsReceiver(callee))
            {
                keepsReceiver = true;
            }
        }
        bool keepsArguments = UnpublishedObjects.KeepsArguments(callee);
        for (int k = 0; k < pops; k++)
            if (!(k == 0 && keepsReceiver) && !keepsArguments) state.Escape(arguments[k]);
        if (i.OpCode.Code == Code.Newobj && _sites.TryGetValue(i, out int site))
        {
            state.Allocate(site);
            state.Push(site);
        }
        else if (pushes > 0)
        {
            state.Push(UnpublishedState.Unknown);
        }
    }

    /// <summary>Records a plain access through an unpublished object: one the race pass may leave unchecked.</summary>
    void Record(Instruction access, int owner, UnpublishedState state, HashSet<Instruction>? accesses)
    {
        if (accesses is null || !state.IsUnpublished(owner)) return;
        if (_objects.IsPlainAccess(access, _method, _branchTargets)) accesses.Add(access);
    }

    static string FieldKey(FieldReference field) => field.DeclaringType.GetElementType().FullName + "::" + field.Name;

    /// <summary>Locals first, then arguments (<c>this</c> is argument 0 of an instance method).</summary>
    int Slot(Instruction i) => i.OpCode.Code switch
    {
        Code.Ldloc_0 or Code.Stloc_0 => 0,
        Code.Ldloc_1 or Code.Stloc_1 => 1,
        Code.Ldloc_2 or Code.Stloc_2 => 2,
        Code.Ldloc_3 or Code.Stloc_3 => 3,
        Code.Ldloc or Code.Ldloc_S or Code.Stloc or Code.Stloc_S or Code.Ldloca or Code.Ldloca_S => ((VariableDefinition)i.Operand).Index,
        Code.Ldarg_0 => _locals,
        Code.Ldarg_1 => _locals + 1,
        Code.Ldarg_2 => _locals + 2,
        Code.Ldarg_3 => _locals + 3,
        _ => _locals + ((ParameterDefinition)i.Operand).Sequence,
    };
}
