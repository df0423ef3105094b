using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// Read, Write; Atomic for Interlocked/Volatile (acquire/release on the location); Synchronization for the address
/// of a synchronisation primitive or of a variable a System.Threading helper initialises atomically (SpinLock.Enter on
/// a struct field, LazyInitializer.EnsureInitialized(ref field), an async iterator's ManualResetValueTaskSourceCore):
/// not a data access, the interceptor (or pass) creates the edges.
/// </summary>
public enum AddressUse { Read, Write, Atomic, Synchronization }

/// <summary>
/// What the code does with an address taken by <c>ldflda</c>/<c>ldsflda</c>/<c>ldelema</c>: finds the instruction that
/// consumes it (forward, within straight-line code, by stack depth) and classifies it as a read, a write, or an
/// atomic operation (Interlocked, Volatile). When the consumer cannot be found the use counts as a read.
/// </summary>
public static class AccessUse
{
    public static (AddressUse Use, Instruction? Consumer) Of(Instruction address, MethodDefinition method, HashSet<Instruction> branchTargets)
    {
        int depth = 1;
        for (var i = address.Next; i is not null; i = i.Next)
        {
            if (branchTargets.Contains(i)) break;
            if (i.OpCode.OpCodeType == OpCodeType.Prefix) continue;
            // `a[i] += x` / `s.f.x++`: dup of the address, ldind/ldfld through the top copy, stind/stfld through the
            // one below. Follow the lower copy: its consumer decides (a read-modify-write is a write).
            if (i.OpCode.Code == Code.Dup && depth == 1) { depth = 2; continue; }
            // `a[i].X += 1`, `a[i].P.X = 1`: ldflda of a member of the struct at our address; its use is ours.
            if (i.OpCode.Code == Code.Ldflda && depth == 1) continue;
            var (pops, pushes) = StackEffects.Of(i, method);
            if (pops >= depth) return (Classify(i, depth, pops), i);
            depth += pushes - pops;
            if (i.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw) break;
        }
        return (AddressUse.Read, null);
    }

    static AddressUse Classify(Instruction consumer, int depth, int pops)
    {
        switch (consumer.OpCode.Code)
        {
            case Code.Stfld: return depth == 2 ? AddressUse.Write : AddressUse.Read;   // the address is the target object, not the value
            case Code.Stobj: case Code.Initobj: case Code.Cpobj:
            case Code.Stind_I: case Code.Stind_I1: case Code.Stind_I2: case Code.Stind_I4: case Code.Stind_I8:
            case Code.Stind_R4: case Code.Stind_R8: case Code.Stind_Ref:
                return depth == pops ? AddressUse.Write : AddressUse.Read;
            case Code.Call: case Code.Callvirt: case Code.Newobj:
                var method = (MethodReference)consumer.Operand;
                string type = method.DeclaringType.FullName;
                if (IsAtomicApi(type)) return AddressUse.Atomic;
                // System.Threading.Tasks.Sources: ManualResetValueTaskSourceCore (an async iterator's promise) synchronises
                // internally; ValueTaskSourcePass adds its edges.
                if (method.DeclaringType.Namespace is "System.Threading" or "System.Threading.Tasks.Sources"
                    || type.StartsWith("System.Threading.SpinLock", StringComparison.Ordinal))
                    return AddressUse.Synchronization;
                // 0 = first argument (or `this`). A constructor called by newobj has no `this` on the stack: `new
                // RefStruct(ref field)` hands the address to a C# 11 ref field, like any call with a `ref` argument.
                int argument = pops - depth + (consumer.OpCode.Code == Code.Newobj ? 1 : 0);
                if (IsAtomicOnlyArgument(method, argument)) return AddressUse.Atomic;
                return IsReadOnlyArgument(method, argument) ? AddressUse.Read : AddressUse.Write;
            default:
                return AddressUse.Read;
        }
    }

    /// <summary>Types whose methods read-modify-write a `ref` location atomically (ImmutableInterlocked is built on Interlocked).</summary>
    public static bool IsAtomicApi(string typeFullName) =>
        typeFullName is "System.Threading.Interlocked" or "System.Threading.Volatile" or "System.Collections.Immutable.ImmutableInterlocked";

    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MethodDefinition, Dictionary<int, bool>> s_atomicOnly = new();
    [ThreadStatic] static int t_depth;

    /// <summary>
    /// A `ref` parameter of a method in checked code that only ever hands its address to Interlocked/Volatile (directly
    /// or through another such helper): the caller's `ref obj.field` is then an atomic access, not a plain write.
    /// </summary>
    static bool IsAtomicOnlyArgument(MethodReference method, int argument)
    {
        var definition = method.TryResolve();
        if (definition is null || !definition.HasBody || definition.Module != method.Module) return false;
        int index = argument - (method.HasThis ? 1 : 0);
        // `this` of a struct's method is the address of the struct (a field's, when called as obj.flags.Set()).
        bool structThis = index == -1 && definition.HasThis && definition.DeclaringType.IsValueType;
        if (!structThis && (index < 0 || index >= definition.Parameters.Count || !definition.Parameters[index].ParameterType.IsByReference)) return false;
        var known = s_atomicOnly.GetOrCreateValue(definition);
        lock (known)
            if (known.TryGetValue(index, out bool cached)) return cached;
        if (t_depth > 3) return false;   // helpers calling helpers: give up (a plain write is the safe answer)
        t_depth++;
        try
        {
            bool atomicOnly = UsesOnlyAtomically(definition, structThis ? definition.Body.ThisParameter : definition.Parameters[index]);
            lock (known) known[index] = atomicOnly;
            return atomicOnly;
        }
        finally
        {
            t_depth--;
        }
    }

    /// <summary>
    /// The address is handed to atomic operations at least once and otherwise only read: the lock-free update loop
    /// (`int old = location; … Interlocked.CompareExchange(ref location, new, old)`). A plain read of an atomic
    /// location races with nothing by default (report_atomic_races=1), so the location counts as atomic.
    /// </summary>
    static bool UsesOnlyAtomically(MethodDefinition method, ParameterDefinition parameter)
    {
        var blockStarts = ModuleTypes.BlockStarts(method.Body);
        int atomic = 0;
        foreach (var i in method.Body.Instructions)
        {
            if (i.OpCode.Code is Code.Ldarga or Code.Ldarga_S or Code.Starg or Code.Starg_S && i.Operand == parameter) return false;
            if (LoadedParameter(i, method) != parameter) continue;
            switch (Of(i, method, blockStarts).Use)
            {
                case AddressUse.Atomic: atomic++; break;
                case AddressUse.Read: break;
                default: return false;
            }
        }
        return atomic > 0;
    }

    static ParameterDefinition? LoadedParameter(Instruction i, MethodDefinition method)
    {
        int offset = method.HasThis ? 1 : 0;
        int n = i.OpCode.Code switch
        {
            Code.Ldarg_0 => 0, Code.Ldarg_1 => 1, Code.Ldarg_2 => 2, Code.Ldarg_3 => 3,
            Code.Ldarg or Code.Ldarg_S => ((ParameterDefinition)i.Operand).Sequence,
            _ => -1,
        };
        if (n == 0 && method.HasThis) return method.Body.ThisParameter;
        n -= offset;
        return n >= 0 && n < method.Parameters.Count ? method.Parameters[n] : null;
    }

    static bool IsReadOnlyArgument(MethodReference method, int argument)
    {
        var definition = method.TryResolve();
        if (definition is null) return false;
        if (method.HasThis && argument == 0)
            return definition.DeclaringType.IsValueType && (RaceShadowFields.HasAttribute(definition.DeclaringType.CustomAttributes, "IsReadOnlyAttribute")
                || RaceShadowFields.HasAttribute(definition.CustomAttributes, "IsReadOnlyAttribute") || definition.IsGetter);
        int index = argument - (method.HasThis ? 1 : 0);
        if (index < 0 || index >= definition.Parameters.Count) return false;
        var parameter = definition.Parameters[index];
        return parameter.IsIn || RaceShadowFields.HasAttribute(parameter.CustomAttributes, "IsReadOnlyAttribute")
            || RaceShadowFields.HasAttribute(parameter.CustomAttributes, "RequiresLocationAttribute");
    }
}
