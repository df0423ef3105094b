using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Memory;

/// <summary>
/// Addresses of struct-typed fields of objects (<c>ldflda S</c>) whose every use is seen: the address only reaches
/// loads and stores of scalar fields of that struct (<c>obj.S.X</c>, <c>obj.S.X = v</c>, <c>obj.S.X += v</c>) in
/// straight-line code right after it. Those uses can read and write the field's shadow companion (<see cref="FieldShadows"/>);
/// any other use (a call, a ref local, a nested struct, a join) hides its writes, so the companion is defined there.
/// </summary>
public static class StructFieldReferences
{
    const int Window = 64;

    /// <summary>
    /// The followed ldflda instructions of <paramref name="method"/> (of fields of unmanaged struct type), and the part
    /// addresses taken from them (<c>ldflda S; ldflda X; dup; ldind; …; stind</c>, Roslyn's <c>obj.S.X += v</c>) → their ldflda S.
    /// </summary>
    public static (HashSet<Instruction> Followed, Dictionary<Instruction, Instruction> Parts) Followed(MethodDefinition method, ISet<Instruction> jumpTargets)
    {
        var followed = new HashSet<Instruction>();
        var parts = new Dictionary<Instruction, Instruction>();
        foreach (var i in method.Body.Instructions)
        {
            if (i is not { OpCode.Code: Code.Ldflda, Operand: FieldReference field } || !StructLocals.IsUnmanagedStruct(field.FieldType)) continue;
            var found = new List<Instruction>();
            if (!IsFollowed(i, field.FieldType, method, jumpTargets, found)) continue;
            followed.Add(i);
            foreach (var part in found) parts[part] = i;
        }
        return (followed, parts);
    }

    /// <summary>A scalar field declared by <paramref name="structType"/> (its shadow fits the companion's same field).</summary>
    public static bool IsPart(FieldReference part, TypeReference structType) =>
        part.DeclaringType.FullName == structType.FullName && ValueKinds.IsScalar(ValueKinds.Of(part.FieldType)) && ValueKinds.SizeOf(part.FieldType) is (1 or 2 or 4 or 8);

    /// <summary>What a stack entry holds: nothing followed, the struct field's address, or the address of one of its parts.</summary>
    enum Held { Other, Field, Part }

    static bool IsFollowed(Instruction ldflda, TypeReference structType, MethodDefinition method, ISet<Instruction> jumpTargets, List<Instruction> parts)
    {
        // The evaluation stack above the ldflda's base; a part address remembers its part's size.
        var stack = new List<(Held Held, int Size)> { (Held.Field, 0) };
        bool Tracked() => stack.Any(e => e.Held != Held.Other);
        int uses = 0;
        var i = ldflda.Next;
        for (int steps = 0; i is not null && steps < Window; steps++, i = i.Next)
        {
            if (!Tracked()) return uses > 0;
            if (jumpTargets.Contains(i)) return false;
            var (pops, pushes) = StackEffects.Of(i, method);
            if (i.OpCode.Code == Code.Dup)
            {
                if (stack.Count == 0) return false;
                stack.Add(stack[^1]);
                continue;
            }
            if (pops > stack.Count) return false;
            var operands = stack.GetRange(stack.Count - pops, pops);
            (Held, int)? pushed = null;
            if (operands.Any(e => e.Held != Held.Other))
            {
                if (!IsAccess(i, operands, structType, out pushed)) return false;
                if (pushed is not null) parts.Add(i);
                uses++;
            }
            stack.RemoveRange(stack.Count - pops, pops);
            if (i.OpCode.FlowControl is not (FlowControl.Next or FlowControl.Call) && Tracked()) return false;
            for (int k = 0; k < pushes; k++) stack.Add(k == 0 && pushed is { } p ? p : (Held.Other, 0));
        }
        return i is not null && !Tracked() && uses > 0;
    }

    /// <summary>A part load or store through the field's address, a part's address taken, or a load or store of exactly that part through it.</summary>
    static bool IsAccess(Instruction i, List<(Held Held, int Size)> operands, TypeReference structType, out (Held, int)? pushed)
    {
        pushed = null;
        var address = operands[0];
        if (operands.Skip(1).Any(e => e.Held != Held.Other)) return false;
        if (address.Held == Held.Field)
        {
            if (i.Operand is not FieldReference part || !IsPart(part, structType)) return false;
            if (i.OpCode.Code == Code.Ldflda)
            {
                pushed = (Held.Part, ValueKinds.SizeOf(part.FieldType)!.Value);
                return true;
            }
            return i.OpCode.Code is Code.Ldfld or Code.Stfld;
        }
        return i.OpCode.Code switch
        {
            Code.Ldind_I1 or Code.Ldind_U1 or Code.Ldind_I2 or Code.Ldind_U2 or Code.Ldind_I4 or Code.Ldind_U4 or Code.Ldind_I8 or Code.Ldind_I
                or Code.Ldind_R4 or Code.Ldind_R8 or Code.Ldobj
                or Code.Stind_I1 or Code.Stind_I2 or Code.Stind_I4 or Code.Stind_I8 or Code.Stind_I or Code.Stind_R4 or Code.Stind_R8 or Code.Stobj
                => ElementReferences.AccessSize(i) == address.Size,
            _ => false,
        };
    }
}
