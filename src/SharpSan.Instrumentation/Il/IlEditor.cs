using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Il;

/// <summary>
/// Inserts code in front of an instruction so that everything that pointed at it (branches, exception
/// handler boundaries, sequence points) now points at the inserted code: the instruction object itself
/// becomes the first inserted instruction and a copy of the original follows the inserted code.
/// Prefixes (volatile., unaligned., tail., constrained., readonly.) stay glued to their instruction.
/// </summary>
public sealed class IlEditor(MethodBody body)
{
    readonly ILProcessor _il = body.GetILProcessor();

    /// <summary>Instructions added by SharpSan; later passes leave them alone.</summary>
    public HashSet<Instruction> Inserted { get; } = [];

    public ILProcessor Processor => _il;

    /// <summary>The first instruction of <paramref name="instruction"/>'s prefix chain (or itself).</summary>
    public static Instruction FrontOf(Instruction instruction)
    {
        var front = instruction;
        while (front.Previous is { } p && p.OpCode.OpCodeType == OpCodeType.Prefix) front = p;
        return front;
    }

    /// <summary>
    /// Puts <paramref name="code"/> before <paramref name="instruction"/> (before its prefixes). Returns the
    /// instruction object that now holds the original instruction.
    /// </summary>
    public Instruction InsertBefore(Instruction instruction, IReadOnlyList<Instruction> code)
    {
        if (code.Count == 0) return instruction;
        if (code[0].OpCode == OpCodes.Ldc_I4 && code[0].Operand is Pipeline.MethodContext.Placeholder)
            throw new InvalidOperationException("a site constant cannot lead inserted code (its identity would be lost)");
        var front = FrontOf(instruction);
        // The front keeps its identity (and with it every reference) but becomes code[0]; a copy of the
        // front's original content goes right after the inserted code.
        var moved = Instruction.Create(OpCodes.Nop);
        moved.OpCode = front.OpCode;
        moved.Operand = front.Operand;
        front.OpCode = code[0].OpCode;
        front.Operand = code[0].Operand;
        Inserted.Add(front);
        int index = IndexOf(front);
        for (int k = 1; k < code.Count; k++)
        {
            body.Instructions.Insert(++index, code[k]);
            Inserted.Add(code[k]);
        }
        body.Instructions.Insert(++index, moved);
        // If the front was a prefix, the original instruction is unchanged further on; otherwise the moved copy is it.
        return front == instruction ? moved : instruction;
    }

    /// <summary>Appends code right after <paramref name="instruction"/> (which must fall through).</summary>
    public void InsertAfter(Instruction instruction, IReadOnlyList<Instruction> code)
    {
        if (code.Count == 0) return;
        int index = IndexOf(instruction);
        foreach (var c in code)
        {
            body.Instructions.Insert(++index, c);
            Inserted.Add(c);
        }
    }

    /// <summary>
    /// Where <paramref name="instruction"/> is in the body: looked up once per inserted run (ILProcessor.InsertAfter
    /// looks it up again for every instruction, which made long methods quadratic in their inserted code).
    /// </summary>
    int IndexOf(Instruction instruction)
    {
        int index = body.Instructions.IndexOf(instruction);
        if (index < 0) throw new ArgumentException("the instruction is not in this method's body", nameof(instruction));
        return index;
    }

}
