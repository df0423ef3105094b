using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Il;

/// <summary>
/// Fresh locals for a versioned loop's unchecked copy (<see cref="LoopVersioning"/>). The copy and the original share
/// their locals otherwise, and the original's per-access checks call out on their slow paths: the JIT then keeps those
/// locals (the index, the row pointers, a loop-invariant factor) where they survive calls — on the stack, reloaded and
/// stored on every iteration of the copy too (seen in matmul's inner loop). Locals only the copy uses live in registers.
/// The copy reads its locals from the originals on entry and writes back the ones it changed on every way out.
/// A local is renamed only when that cannot change what anyone observes: a value of primitive or pointer type, its
/// address never taken, not pinned, and — when the loop writes it — no exception handler around the loop that could
/// see its value (a catch or filter, or a fault or finally that reads it) while the copy has not written it back.
/// </summary>
public sealed class LoopCopyLocals
{
    readonly Dictionary<VariableDefinition, VariableDefinition> _fresh = [];
    readonly List<VariableDefinition> _written = [];

    /// <summary>True when the copy changes a renamed local, so each way out of it must write that back.</summary>
    public bool WritesBack => _written.Count > 0;

    /// <summary>The copy's local for <paramref name="original"/>, or the original when it is not renamed.</summary>
    public VariableDefinition For(VariableDefinition original) => _fresh.GetValueOrDefault(original, original);

    /// <summary><c>stloc fresh</c> of every renamed local's current value: goes on the way into the copy.</summary>
    public IEnumerable<Instruction> CopyIn() => _fresh.SelectMany(p => new[] { Instruction.Create(OpCodes.Ldloc, p.Key), Instruction.Create(OpCodes.Stloc, p.Value) });

    /// <summary>Writes the copy's values of the renamed locals it changes back: goes on every way out of the copy.</summary>
    public IEnumerable<Instruction> CopyBack() => _written.SelectMany(v => new[] { Instruction.Create(OpCodes.Ldloc, _fresh[v]), Instruction.Create(OpCodes.Stloc, v) });

    public static LoopCopyLocals Choose(MethodBody body, IReadOnlyList<Instruction> region)
    {
        var chosen = new LoopCopyLocals();
        var addressTaken = new HashSet<VariableDefinition>();
        foreach (var i in body.Instructions)
            if (i.OpCode.Code is Code.Ldloca or Code.Ldloca_S && i.Operand is VariableDefinition v) addressTaken.Add(v);
        var read = new HashSet<VariableDefinition>();
        var written = new HashSet<VariableDefinition>();
        foreach (var i in region)
        {
            if (i.Operand is not VariableDefinition v) continue;
            if (i.OpCode.Code is Code.Ldloc or Code.Ldloc_S) read.Add(v);
            else if (i.OpCode.Code is Code.Stloc or Code.Stloc_S) written.Add(v);
            else addressTaken.Add(v);   // ldloca or anything else naming the local: leave it alone
        }
        var handlers = HandlersAround(body, region);
        foreach (var v in read.Union(written))
        {
            if (addressTaken.Contains(v) || v.IsPinned || !IsPlainValue(v.VariableType)) continue;
            if (written.Contains(v) && handlers.Any(h => MaySee(body, h, v))) continue;
            var fresh = new VariableDefinition(v.VariableType);
            body.Variables.Add(fresh);
            chosen._fresh[v] = fresh;
            if (written.Contains(v)) chosen._written.Add(v);
        }
        return chosen;
    }

    /// <summary>Primitive numbers, booleans, chars and unmanaged pointers: no references the GC or other passes follow.</summary>
    static bool IsPlainValue(TypeReference type) => type.IsPointer || type.IsFunctionPointer || type.MetadataType is MetadataType.Boolean or MetadataType.Char
        or MetadataType.SByte or MetadataType.Byte or MetadataType.Int16 or MetadataType.UInt16 or MetadataType.Int32 or MetadataType.UInt32
        or MetadataType.Int64 or MetadataType.UInt64 or MetadataType.Single or MetadataType.Double or MetadataType.IntPtr or MetadataType.UIntPtr;

    /// <summary>The handlers whose protected block holds the loop.</summary>
    static List<ExceptionHandler> HandlersAround(MethodBody body, IReadOnlyList<Instruction> region)
    {
        var index = new Dictionary<Instruction, int>();
        for (int k = 0; k < body.Instructions.Count; k++) index[body.Instructions[k]] = k;
        int first = index[region[0]], last = index[region[^1]];
        return body.ExceptionHandlers.Where(h => index[h.TryStart] <= first && (h.TryEnd is null || last < index[h.TryEnd])).ToList();
    }

    /// <summary>A catch or filter resumes in the method, where the local may be read; a fault or finally sees it when its handler reads it.</summary>
    static bool MaySee(MethodBody body, ExceptionHandler handler, VariableDefinition v)
    {
        if (handler.HandlerType is ExceptionHandlerType.Catch or ExceptionHandlerType.Filter) return true;
        for (var i = handler.HandlerStart; i is not null && i != handler.HandlerEnd; i = i.Next)
            if (i.Operand == v) return true;
        return false;
    }
}
