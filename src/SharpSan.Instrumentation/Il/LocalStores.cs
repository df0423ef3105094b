using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Il;

/// <summary>
/// Where each local of a method is written. A pointer local written once (apart from the null a <c>fixed</c>
/// statement stores when it ends) and never address-taken holds, wherever it is read, the value of that one store:
/// this is how an address derived in one statement is followed into the loop that uses it.
/// </summary>
public sealed class LocalStores
{
    readonly Dictionary<VariableDefinition, List<Instruction>> _stores = [];
    readonly HashSet<VariableDefinition> _addressTaken = [];

    public LocalStores(MethodBody body)
    {
        foreach (var i in body.Instructions)
        {
            if (i.OpCode.Code is Code.Stloc && i.Operand is VariableDefinition stored)
            {
                if (!_stores.TryGetValue(stored, out var list)) _stores[stored] = list = [];
                list.Add(i);
            }
            else if (i.OpCode.Code is Code.Ldloca && i.Operand is VariableDefinition taken)
            {
                _addressTaken.Add(taken);
            }
        }
    }

    /// <summary>The single store that gives <paramref name="local"/> its non-null value, or null if there is not exactly one.</summary>
    public Instruction? SingleStore(VariableDefinition local)
    {
        if (_addressTaken.Contains(local) || !_stores.TryGetValue(local, out var stores)) return null;
        Instruction? single = null;
        foreach (var store in stores)
        {
            if (StoresNull(store)) continue;
            if (single is not null) return null;
            single = store;
        }
        return single;
    }

    /// <summary>Stores of <paramref name="local"/> (empty when it is never written by stloc).</summary>
    public IReadOnlyList<Instruction> Of(VariableDefinition local) => _stores.TryGetValue(local, out var list) ? list : [];

    public bool IsAddressTaken(VariableDefinition local) => _addressTaken.Contains(local);

    // `ldc.i4.0; conv.u; stloc` ends a fixed statement; `ldnull; stloc` clears a reference.
    static bool StoresNull(Instruction store) =>
        store.Previous is { OpCode.Code: Code.Ldnull }
        || store.Previous is { OpCode.Code: Code.Conv_U or Code.Conv_I } conv && conv.Previous is { OpCode.Code: Code.Ldc_I4, Operand: 0 };
}
