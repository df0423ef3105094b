using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Il;

/// <summary>How many evaluation-stack slots an instruction pops and pushes (ECMA-335 III), calls included.</summary>
public static class StackEffects
{
    public static (int Pops, int Pushes) Of(Instruction instruction, MethodDefinition method)
    {
        var op = instruction.OpCode;
        if (op.FlowControl == FlowControl.Call)
        {
            var target = (IMethodSignature)instruction.Operand;
            int pops = target.Parameters.Count;
            if (op.Code == Code.Calli) pops++;
            if (target.HasThis && !target.ExplicitThis && op.Code != Code.Newobj) pops++;
            bool returns = op.Code == Code.Newobj || target.ReturnType.MetadataType != MetadataType.Void;
            return (pops, returns ? 1 : 0);
        }
        if (op.Code == Code.Ret)
            return (method.ReturnType.MetadataType == MetadataType.Void ? 0 : 1, 0);
        return (Pops(op.StackBehaviourPop), Pushes(op.StackBehaviourPush));
    }

    static int Pops(StackBehaviour b) => b switch
    {
        StackBehaviour.Pop0 => 0,
        StackBehaviour.Pop1 or StackBehaviour.Popi or StackBehaviour.Popref => 1,
        StackBehaviour.Pop1_pop1 or StackBehaviour.Popi_pop1 or StackBehaviour.Popi_popi or StackBehaviour.Popi_popi8
            or StackBehaviour.Popi_popr4 or StackBehaviour.Popi_popr8 or StackBehaviour.Popref_pop1 or StackBehaviour.Popref_popi => 2,
        StackBehaviour.Popi_popi_popi or StackBehaviour.Popref_popi_popi or StackBehaviour.Popref_popi_popi8
            or StackBehaviour.Popref_popi_popr4 or StackBehaviour.Popref_popi_popr8 or StackBehaviour.Popref_popi_popref => 3,
        StackBehaviour.PopAll => 0,
        _ => 0,
    };

    static int Pushes(StackBehaviour b) => b switch
    {
        StackBehaviour.Push0 => 0,
        StackBehaviour.Push1_push1 => 2,
        _ => 1,
    };
}
