using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Il;

/// <summary>Walks over a module's and a method body's structure that several passes need.</summary>
public static class ModuleTypes
{
    /// <summary>Every type of the module, nested types included.</summary>
    public static IEnumerable<TypeDefinition> All(ModuleDefinition module)
    {
        var stack = new Stack<TypeDefinition>(module.Types);
        while (stack.Count > 0)
        {
            var type = stack.Pop();
            yield return type;
            foreach (var nested in type.NestedTypes) stack.Push(nested);
        }
    }

    /// <summary>Instructions control can reach other than by falling through: branch targets, handler, filter and try starts.</summary>
    public static HashSet<Instruction> BlockStarts(MethodBody body)
    {
        var starts = new HashSet<Instruction>();
        foreach (var i in body.Instructions)
        {
            if (i.Operand is Instruction target) starts.Add(target);
            else if (i.Operand is Instruction[] targets) starts.UnionWith(targets);
        }
        foreach (var h in body.ExceptionHandlers)
        {
            if (h.HandlerStart is not null) starts.Add(h.HandlerStart);
            if (h.FilterStart is not null) starts.Add(h.FilterStart);
            if (h.TryStart is not null) starts.Add(h.TryStart);
        }
        return starts;
    }
}
