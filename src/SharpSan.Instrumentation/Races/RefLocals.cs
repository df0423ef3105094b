using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Races;

/// <summary>A `ref` local and the places its target is read or written through it (the loads of the local).</summary>
public sealed record RefLocal(VariableDefinition Local, IReadOnlyList<(Instruction Load, bool Write)> Uses);

/// <summary>
/// The `ref` locals of a method whose target can be identified: stored exactly once (so the address taken at that
/// store is the only thing they ever point to), never address-taken, not pinned. Each load of such a local is
/// classified by what consumes it (<see cref="AccessUse"/>): a read or a write of the target; atomic and
/// synchronisation uses are left to their own handling. Found on the method's original IL, before any insertion.
/// </summary>
public sealed class RefLocals
{
    readonly Dictionary<Instruction, RefLocal> _byStore = [];

    public static RefLocals Find(MethodDefinition method, HashSet<Instruction> blockStarts)
    {
        var found = new RefLocals();
        var body = method.Body;
        var candidates = body.Variables.Where(v => v.VariableType.IsByReference && !v.IsPinned).ToHashSet();
        if (candidates.Count == 0) return found;
        var stores = new Dictionary<VariableDefinition, List<Instruction>>();
        foreach (var i in body.Instructions)
        {
            if (LocalOf(i, body) is not { } local || !candidates.Contains(local)) continue;
            if (i.OpCode.Code is Code.Ldloca or Code.Ldloca_S) candidates.Remove(local);
            else if (IsStore(i)) (stores.TryGetValue(local, out var list) ? list : stores[local] = []).Add(i);
        }
        foreach (var (local, list) in stores)
        {
            if (list.Count != 1 || !candidates.Contains(local)) continue;
            var uses = new List<(Instruction, bool)>();
            foreach (var i in body.Instructions)
            {
                if (IsStore(i) || LocalOf(i, body) != local || i.OpCode.Code is Code.Ldloca or Code.Ldloca_S) continue;
                var use = AccessUse.Of(i, method, blockStarts).Use;
                if (use is AddressUse.Read or AddressUse.Write) uses.Add((i, use == AddressUse.Write));
            }
            found._byStore[list[0]] = new RefLocal(local, uses);
        }
        return found;
    }

    /// <summary>The ref local that <paramref name="consumer"/> (the consumer of an address) stores it into, if one of these.</summary>
    public RefLocal? Target(Instruction consumer) => _byStore.GetValueOrDefault(consumer);

    static bool IsStore(Instruction i) => i.OpCode.Code is Code.Stloc or Code.Stloc_S or Code.Stloc_0 or Code.Stloc_1 or Code.Stloc_2 or Code.Stloc_3;

    static VariableDefinition? LocalOf(Instruction i, MethodBody body) => i.OpCode.Code switch
    {
        Code.Ldloc_0 or Code.Stloc_0 => body.Variables[0],
        Code.Ldloc_1 or Code.Stloc_1 => body.Variables[1],
        Code.Ldloc_2 or Code.Stloc_2 => body.Variables[2],
        Code.Ldloc_3 or Code.Stloc_3 => body.Variables[3],
        Code.Ldloc or Code.Ldloc_S or Code.Stloc or Code.Stloc_S or Code.Ldloca or Code.Ldloca_S => (VariableDefinition)i.Operand,
        _ => null,
    };
}
