using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// A `ref` local and the places its target is read or written through it (the loads of the local), with the members
/// each use touches (for a struct split into member cells).
/// </summary>
public sealed record RefLocal(VariableDefinition Local, IReadOnlyList<(Instruction Load, bool Write, IReadOnlyList<MemberEffect> Members)> Uses);

/// <summary>
/// The `ref` locals of a method whose target can be identified: stored exactly once (so the address taken at that
/// store is the only thing they ever point to), never address-taken, not pinned. Each load of such a local is
/// classified by what consumes it (<see cref="AccessUse"/>): a read or a write of the target; atomic and
/// synchronisation uses are left to their own handling. Found on the method's original, macro-simplified IL (as
/// MethodContext leaves it), before any insertion.
/// </summary>
public sealed class RefLocals
{
    readonly Dictionary<Instruction, RefLocal> _byStore = [];

    public static RefLocals Find(MethodDefinition method, HashSet<Instruction> blockStarts)
    {
        var found = new RefLocals();
        var body = method.Body;
        var stores = new LocalStores(body);
        foreach (var local in body.Variables.Where(v => v.VariableType.IsByReference && !v.IsPinned))
        {
            if (stores.IsAddressTaken(local) || stores.Of(local) is not [var store]) continue;
            var uses = new List<(Instruction, bool, IReadOnlyList<MemberEffect>)>();
            foreach (var load in body.Instructions.Where(i => i.OpCode.Code == Code.Ldloc && i.Operand == local))
            {
                var access = AccessUse.Describe(load, method, blockStarts);
                if (access.Use is AddressUse.Read or AddressUse.Write) uses.Add((load, access.Use == AddressUse.Write, access.Members));
            }
            found._byStore[store] = new RefLocal(local, uses);
        }
        return found;
    }

    /// <summary>The ref local that <paramref name="consumer"/> (the consumer of an address) stores it into, if one of these.</summary>
    public RefLocal? Target(Instruction consumer) => _byStore.GetValueOrDefault(consumer);
}
