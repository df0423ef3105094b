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

    /// <summary>The followed ldflda instructions of <paramref name="method"/> (of fields of unmanaged struct type).</summary>
    public static HashSet<Instruction> Followed(MethodDefinition method, ISet<Instruction> jumpTargets)
    {
        var followed = new HashSet<Instruction>();
        foreach (var i in method.Body.Instructions)
            if (i is { OpCode.Code: Code.Ldflda, Operand: FieldReference field } && StructLocals.IsUnmanagedStruct(field.FieldType) && IsFollowed(i, field.FieldType, method, jumpTargets))
                followed.Add(i);
        return followed;
    }

    /// <summary>A scalar field declared by <paramref name="structType"/> (its shadow fits the companion's same field).</summary>
    public static bool IsPart(FieldReference part, TypeReference structType) =>
        part.DeclaringType.FullName == structType.FullName && ValueKinds.IsScalar(ValueKinds.Of(part.FieldType)) && ValueKinds.SizeOf(part.FieldType) is (1 or 2 or 4 or 8);

    static bool IsFollowed(Instruction ldflda, TypeReference structType, MethodDefinition method, ISet<Instruction> jumpTargets)
    {
        // The evaluation stack above the ldflda's base: true where a copy of the field address sits.
        var stack = new List<bool> { true };
        int uses = 0;
        var i = ldflda.Next;
        for (int steps = 0; i is not null && steps < Window; steps++, i = i.Next)
        {
            if (!stack.Contains(true)) return uses > 0;
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
            if (operands.Contains(true))
            {
                bool access = i.Operand is FieldReference part && IsPart(part, structType)
                    && (i.OpCode.Code == Code.Ldfld || i.OpCode.Code == Code.Stfld && operands[0] && !operands[1]);
                if (!access) return false;
                uses++;
            }
            stack.RemoveRange(stack.Count - pops, pops);
            if (i.OpCode.FlowControl is not (FlowControl.Next or FlowControl.Call) && stack.Contains(true)) return false;
            for (int k = 0; k < pushes; k++) stack.Add(false);
        }
        return i is not null && !stack.Contains(true) && uses > 0;
    }
}
