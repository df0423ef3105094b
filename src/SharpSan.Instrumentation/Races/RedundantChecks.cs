using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// Accesses whose race check cannot change the outcome, as LLVM's TSan pass finds them within a basic block. In
/// straight-line code without a call the thread's epoch cannot change (only synchronisation, always a call here, moves
/// it), so after the first check of a location in a block:
/// <list type="bullet">
/// <item>a later read of a location already read or written, and a later write of one already written, are same-epoch
/// accesses the fast path would return from anyway;</item>
/// <item>a read followed by a write of the same location needs only the write's check (a write is checked against
/// earlier reads and writes alike, and later accesses that race with the read race with the write).</item>
/// </list>
/// Locations are named symbolically by simulating the evaluation stack over the block: `this.items[i]` is the same
/// element as long as neither the local `i`, nor `this`, nor (for the loaded `items` reference) any heap location has
/// been stored to in between. Anything the simulation cannot name is left checked.
/// </summary>
public static class RedundantChecks
{
    /// <param name="synchronises">Fields whose plain accesses also create edges: never dropped (and they end the block).</param>
    /// <param name="unchecked">Accesses that get no check at all (through unpublished objects): they cover nothing.</param>
    public static HashSet<Instruction> Find(MethodDefinition method, HashSet<Instruction> blockStarts, Func<FieldReference, bool>? synchronises = null,
        IReadOnlySet<Instruction>? @unchecked = null)
    {
        var redundant = new HashSet<Instruction>();
        var block = new Block();
        foreach (var instruction in method.Body.Instructions)
        {
            if (blockStarts.Contains(instruction)) block.Reset();
            if (instruction.OpCode.OpCodeType == OpCodeType.Prefix)
            {
                if (instruction.OpCode.Code == Code.Volatile) block.Reset();   // an atomic access follows
                continue;
            }
            if (instruction.Operand is FieldReference f && synchronises?.Invoke(f) == true)
            {
                block.Reset();   // an acquire or release: the epoch may change here
                continue;
            }
            if (@unchecked?.Contains(instruction) != true && Access(instruction, method, blockStarts, block) is { } access) block.Track(instruction, access, redundant);
            block.Simulate(instruction, method);
            if (EndsBlock(instruction)) block.Reset();
        }
        return redundant;
    }

    readonly record struct Checked(string Location, bool Write);

    /// <summary>The location an instruction checks (if the simulation can name it) and whether it writes.</summary>
    static Checked? Access(Instruction i, MethodDefinition method, HashSet<Instruction> blockStarts, Block block)
    {
        switch (i.OpCode.Code)
        {
            case Code.Ldfld or Code.Stfld or Code.Ldflda:
                var field = (FieldReference)i.Operand;
                if (field.DeclaringType.IsValueType || RaceShadowFields.IsVolatile(field)) return null;
                var receiver = block.Peek(i.OpCode.Code == Code.Stfld ? 1 : 0);
                if (receiver is null) return null;
                return Use(i, method, blockStarts, $"F {field.FullName} of {receiver}", i.OpCode.Code == Code.Stfld);
            case Code.Ldsfld or Code.Stsfld or Code.Ldsflda:
                var staticField = (FieldReference)i.Operand;
                if (RaceShadowFields.IsVolatile(staticField)) return null;
                return Use(i, method, blockStarts, $"S {staticField.FullName}", i.OpCode.Code == Code.Stsfld);
            case >= Code.Ldelem_I1 and <= Code.Ldelem_Ref or Code.Ldelem_Any or Code.Ldelema:
                return Element(block.Peek(1), block.Peek(0)) is { } element ? Use(i, method, blockStarts, element, write: false) : null;
            case >= Code.Stelem_I and <= Code.Stelem_Ref or Code.Stelem_Any:
                return Element(block.Peek(2), block.Peek(1)) is { } stored ? new Checked(stored, Write: true) : null;
            default:
                return null;
        }
    }

    static string? Element(string? array, string? index) => array is null || index is null ? null : $"E {array}[{index}]";

    /// <summary>For address-taking instructions the address's consumer decides; atomic and synchronisation uses are not checks.</summary>
    static Checked? Use(Instruction i, MethodDefinition method, HashSet<Instruction> blockStarts, string location, bool write)
    {
        if (i.OpCode.Code is not (Code.Ldflda or Code.Ldsflda or Code.Ldelema)) return new Checked(location, write);
        var access = AccessUse.Describe(i, method, blockStarts);
        // An address kept in a local is checked where the local is used, elsewhere: not a check of this block.
        if (access.Consumer?.OpCode.Code is Code.Stloc or Code.Stloc_S or Code.Stloc_0 or Code.Stloc_1 or Code.Stloc_2 or Code.Stloc_3) return null;
        // A call's checks depend on what the callee touches (a struct's members): not compared with other accesses.
        if (access.Consumer?.OpCode.FlowControl == FlowControl.Call && access.Use is not AddressUse.Atomic) return null;
        // Members of a struct have cells of their own: `s.X` and `s.Y` are different locations.
        if (access.Members is [var member]) location += "." + member.Path;
        return access.Use switch
        {
            AddressUse.Read => new Checked(location, false),
            AddressUse.Write => new Checked(location, true),
            _ => null,
        };
    }

    static bool EndsBlock(Instruction i) => i.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch
        or FlowControl.Return or FlowControl.Throw or FlowControl.Call;

    /// <summary>What is known inside the current basic block: the symbolic stack and the locations checked so far.</summary>
    sealed class Block
    {
        readonly List<string?> _stack = [];
        readonly Dictionary<string, (Instruction First, bool Written)> _checked = [];
        readonly Dictionary<string, int> _versions = [];   // stores to a local or argument so far
        int _heap;   // stores to fields, elements or through addresses so far

        public void Reset()
        {
            _stack.Clear();
            _checked.Clear();
            _versions.Clear();
            _heap = 0;
        }

        public string? Peek(int depth) => depth < _stack.Count ? _stack[^(depth + 1)] : null;

        public void Track(Instruction access, Checked check, HashSet<Instruction> redundant)
        {
            if (!_checked.TryGetValue(check.Location, out var earlier))
            {
                _checked[check.Location] = (access, check.Write);
                return;
            }
            if (earlier.Written || !check.Write)
            {
                redundant.Add(access);
                return;
            }
            redundant.Add(earlier.First);   // read before write: the write's check covers it
            _checked[check.Location] = (access, true);
        }

        public void Simulate(Instruction i, MethodDefinition method)
        {
            var (pops, pushes) = StackEffects.Of(i, method);
            string? pushed = Value(i);
            switch (i.OpCode.Code)
            {
                case Code.Stloc or Code.Stloc_S or Code.Stloc_0 or Code.Stloc_1 or Code.Stloc_2 or Code.Stloc_3:
                case Code.Starg or Code.Starg_S:
                    string name = Variable(i)!;
                    _versions[name] = _versions.GetValueOrDefault(name) + 1;
                    break;
                case Code.Stfld or Code.Stsfld or Code.Stelem_Any or >= Code.Stelem_I and <= Code.Stelem_Ref:
                    _heap++;
                    break;
                case Code.Stind_I or Code.Stind_I1 or Code.Stind_I2 or Code.Stind_I4 or Code.Stind_I8 or Code.Stind_R4
                    or Code.Stind_R8 or Code.Stind_Ref or Code.Stobj or Code.Initobj or Code.Cpobj or Code.Cpblk or Code.Initblk:
                    Reset();   // may have written a local through its address
                    return;
            }
            if (i.OpCode.Code == Code.Dup)
            {
                _stack.Add(Peek(0));
                return;
            }
            var operands = new string?[pops];
            for (int n = pops - 1; n >= 0; n--) operands[n] = Pop();
            if (pushes == 0) return;
            if (pushed is null && pushes == 1 && IsPure(i) && operands.All(o => o is not null))
                pushed = $"{i.OpCode.Name}({string.Join(",", operands)})";
            else if (pushed is null && i.OpCode.Code == Code.Ldfld && operands[0] is { } owner)
                pushed = $"{owner}.{((FieldReference)i.Operand).Name}@{_heap}";
            else if (pushed is null && i.OpCode.Code == Code.Ldsfld)
                pushed = $"{((FieldReference)i.Operand).FullName}@{_heap}";
            for (int n = 0; n < pushes; n++) _stack.Add(pushed);
        }

        string? Pop()
        {
            if (_stack.Count == 0) return null;
            var top = _stack[^1];
            _stack.RemoveAt(_stack.Count - 1);
            return top;
        }

        /// <summary>A name for constants and variables (with how often the variable was stored to in this block).</summary>
        string? Value(Instruction i) => i.OpCode.Code switch
        {
            Code.Ldc_I4 or Code.Ldc_I4_S or Code.Ldc_I8 => $"#{i.Operand}",
            >= Code.Ldc_I4_M1 and <= Code.Ldc_I4_8 => $"#{i.OpCode.Code - Code.Ldc_I4_0}",
            Code.Ldnull => "null",
            _ when Variable(i) is { } name && IsLoad(i) => $"{name}@{_versions.GetValueOrDefault(name)}",
            _ => null,
        };

        static bool IsLoad(Instruction i) => i.OpCode.Code is Code.Ldarg or Code.Ldarg_S or (>= Code.Ldarg_0 and <= Code.Ldarg_3)
            or Code.Ldloc or Code.Ldloc_S or (>= Code.Ldloc_0 and <= Code.Ldloc_3);

        /// <summary>"l3" / "a0" for instructions that load or store a local or an argument.</summary>
        static string? Variable(Instruction i) => i.OpCode.Code switch
        {
            Code.Ldloc_0 or Code.Stloc_0 => "l0",
            Code.Ldloc_1 or Code.Stloc_1 => "l1",
            Code.Ldloc_2 or Code.Stloc_2 => "l2",
            Code.Ldloc_3 or Code.Stloc_3 => "l3",
            Code.Ldloc or Code.Ldloc_S or Code.Stloc or Code.Stloc_S => $"l{((VariableDefinition)i.Operand).Index}",
            Code.Ldarg_0 => "a0",
            Code.Ldarg_1 => "a1",
            Code.Ldarg_2 => "a2",
            Code.Ldarg_3 => "a3",
            Code.Ldarg or Code.Ldarg_S or Code.Starg or Code.Starg_S => $"a{((ParameterDefinition)i.Operand).Sequence}",
            _ => null,
        };

        /// <summary>Arithmetic and conversions: the result is a function of the operands only.</summary>
        static bool IsPure(Instruction i) => i.OpCode.Code is (>= Code.Add and <= Code.Conv_U8) or Code.Conv_I or Code.Conv_U
            or (>= Code.Conv_Ovf_I1_Un and <= Code.Conv_Ovf_U_Un) or (>= Code.Conv_Ovf_I1 and <= Code.Conv_Ovf_U8)
            or Code.Conv_Ovf_I or Code.Conv_Ovf_U or Code.Conv_R_Un or Code.Ldlen;
    }
}
