using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;

namespace SharpSan.Instrumentation.Memory;

/// <summary>
/// Element addresses (<c>ldelema</c>) whose every use is seen: the address only reaches loads and stores of the element
/// itself, in straight-line code right after it (<c>c[i] += x</c>: ldelema, dup, ldind, …, stind; <c>ref arr[i]</c>
/// read once). Such a load or store can use the array's own shadow (<c>RentedArrays</c>, by array and index), so the
/// array need not escape: a rented array keeps its undefined elements, and a plain one costs one static read.
/// Any other use (a ref local, a call, a field of a struct element, a join) leaves the element unfollowed.
/// </summary>
public static class ElementReferences
{
    /// <summary>How far past the ldelema the uses are looked for (a compound assignment's right-hand side lies between).</summary>
    const int Window = 64;

    public static HashSet<Instruction> Followed(MethodDefinition method, ISet<Instruction> jumpTargets)
    {
        var followed = new HashSet<Instruction>();
        foreach (var i in method.Body.Instructions)
            if (i.OpCode.Code == Code.Ldelema && IsFollowed(i, method, jumpTargets)) followed.Add(i);
        return followed;
    }

    /// <summary>Element size in bytes when the element is a scalar whose shadow fits the array's (one shadow byte per byte).</summary>
    public static int? ScalarSize(TypeReference element) =>
        ValueKinds.IsScalar(ValueKinds.Of(element)) ? ValueKinds.SizeOf(element) : null;

    static bool IsFollowed(Instruction ldelema, MethodDefinition method, ISet<Instruction> jumpTargets) =>
        ScalarSize((TypeReference)ldelema.Operand) is { } size && IsFollowedAddress(ldelema, size, method, jumpTargets);

    /// <summary>The element address <paramref name="producer"/> pushes only reaches loads and stores of exactly <paramref name="size"/> bytes through it, in straight-line code.</summary>
    public static bool IsFollowedAddress(Instruction producer, int size, MethodDefinition method, ISet<Instruction> jumpTargets)
    {
        // The evaluation stack above the producer's base: true where a copy of the element address sits.
        var stack = new List<bool> { true };
        int uses = 0;
        var i = producer.Next;
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
            int popped = Math.Min(pops, stack.Count);
            var operands = stack.GetRange(stack.Count - popped, popped);
            if (operands.Contains(true))
            {
                if (!IsElementAccess(i, operands, pops, size)) return false;
                uses++;
            }
            stack.RemoveRange(stack.Count - popped, popped);
            if (i.OpCode.FlowControl is not (FlowControl.Next or FlowControl.Call) && stack.Contains(true)) return false;
            for (int k = 0; k < pushes; k++) stack.Add(false);
        }
        return i is not null && !stack.Contains(true) && uses > 0;
    }

    /// <summary>A load or store of exactly the element's bytes, the element address being its address operand only.</summary>
    static bool IsElementAccess(Instruction i, List<bool> operands, int pops, int size)
    {
        if (operands.Count != pops) return false;
        return i.OpCode.Code switch
        {
            Code.Ldind_I1 or Code.Ldind_U1 or Code.Ldind_I2 or Code.Ldind_U2 or Code.Ldind_I4 or Code.Ldind_U4 or Code.Ldind_I8
                or Code.Ldind_I or Code.Ldind_R4 or Code.Ldind_R8 => AccessSize(i) == size,
            Code.Ldobj => ScalarSize((TypeReference)i.Operand) == size,
            Code.Stind_I1 or Code.Stind_I2 or Code.Stind_I4 or Code.Stind_I8 or Code.Stind_I or Code.Stind_R4 or Code.Stind_R8
                => AccessSize(i) == size && !operands[1],
            Code.Stobj => ScalarSize((TypeReference)i.Operand) == size && !operands[1],
            _ => false,
        };
    }

    public static int? AccessSize(Instruction i) => i.OpCode.Code switch
    {
        Code.Ldind_I1 or Code.Ldind_U1 or Code.Stind_I1 => 1,
        Code.Ldind_I2 or Code.Ldind_U2 or Code.Stind_I2 => 2,
        Code.Ldind_I4 or Code.Ldind_U4 or Code.Ldind_R4 or Code.Stind_I4 or Code.Stind_R4 => 4,
        Code.Ldind_I8 or Code.Ldind_I or Code.Ldind_R8 or Code.Stind_I8 or Code.Stind_I or Code.Stind_R8 => 8,
        Code.Ldobj or Code.Stobj => ScalarSize((TypeReference)i.Operand),
        _ => null,
    };
}
