using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Passes;

/// <summary>
/// Intra-object overflow where the address derivation is visible (<see cref="BufferDerivation"/>): an access whose
/// address is a C# fixed buffer's or an [InlineArray]'s start plus an offset the compiler did not check must stay
/// inside the buffer's bytes, known from [FixedBuffer] / [InlineArray] metadata — running into the struct's next
/// field is invisible to the shadow, which sees one addressable object. The check goes right after the address:
/// <code>
///   ldflda FixedElementField   →  ldflda FixedElementField; dup; stloc base
///   … add / call Unsafe.Add    →  … add; dup; conv.u; size; ldloc base; conv.u; bytes; site; write; name; [enclosing]; call IntraObject.Check…
/// </code>
/// <c>MemoryMarshal.CreateSpan/CreateReadOnlySpan(ref buffer[k], n)</c> is checked the same way: the span's n elements must
/// fit (the BCL code that indexes the span later is not instrumented).
/// When the buffer's enclosing struct has a known layout and sits in a static field or a local, leaving that too is
/// reported as global-buffer-overflow / stack-buffer-overflow: static struct storage lives in the managed heap, whose
/// shadow is clean, so only the metadata can tell. Pointers derived elsewhere are left to SGCheck's heuristic
/// (<see cref="BufferRegistrationPass"/>, <see cref="BindingSites"/>).
/// </summary>
public sealed class IntraObjectPass : IInstrumentationPass
{
    const string Runtime = "SharpSan.Runtime.Address.IntraObject";

    public string Name => "intra-object";

    public void Run(MethodContext ctx)
    {
        var bases = new Dictionary<Instruction, VariableDefinition>();
        var checkedAddresses = new HashSet<Instruction>();
        VariableDefinition BaseOf(BufferPath path) =>
            bases.TryGetValue(path.Base, out var temp) ? temp : bases[path.Base] = SaveBase(ctx, path.Base);
        foreach (var instruction in ctx.Method.Body.Instructions.ToArray())
        {
            if (ctx.Editor.Inserted.Contains(instruction)) continue;
            if (SpanOverBuffer(instruction) is { } span)
            {
                // [ref, length] → the span's bytes must fit the buffer, whatever the compiler checked about the start.
                if (ctx.Buffers.Resolve(ctx.Provenance.ProducerOf(instruction, 1)) is not { } spanPath) continue;
                var length = ctx.Temp(ctx.Module.Module.TypeSystem.Int32);
                var code = new List<Instruction> { Instruction.Create(OpCodes.Stloc, length) };
                code.AddRange(Check(ctx, instruction, span.IsWrite, BaseOf(spanPath), spanPath,
                    [Instruction.Create(OpCodes.Ldloc, length), Instruction.Create(OpCodes.Ldc_I4, span.ElementSize), Instruction.Create(OpCodes.Mul)]));
                code.Add(Instruction.Create(OpCodes.Ldloc, length));
                ctx.Editor.InsertBefore(instruction, code);
                continue;
            }
            if (MemoryAccessPass.Describe(instruction) is not { } shape || SizeOf(shape.Size) is not int bytes) continue;
            var address = ctx.Provenance.ProducerOf(instruction, shape.Depth);
            if (address is null || ctx.Editor.Inserted.Contains(address) || !checkedAddresses.Add(address)) continue;
            if (ctx.Buffers.Resolve(address) is not { HasArithmetic: true } path) continue;
            ctx.Editor.InsertAfter(address, Check(ctx, instruction, shape.IsWrite, BaseOf(path), path, [Instruction.Create(OpCodes.Ldc_I4, bytes)], shape.Field));
        }
    }

    /// <summary>The access's size: from the opcode, or from metadata for a struct; null when unknown.</summary>
    static int? SizeOf(AccessSize size) => size.Bytes ?? (size.Type is { } type ? TypeLayout.Of(type)?.Size : null);

    /// <summary>(element size, writable) for <c>MemoryMarshal.CreateSpan/CreateReadOnlySpan(ref T, int)</c> of an unmanaged T.</summary>
    static (int ElementSize, bool IsWrite)? SpanOverBuffer(Instruction call)
    {
        if (call.OpCode.Code != Code.Call || call.Operand is not GenericInstanceMethod { GenericArguments.Count: 1 } method) return null;
        if (method.DeclaringType.FullName != "System.Runtime.InteropServices.MemoryMarshal" || method.Parameters.Count != 2) return null;
        bool? isWrite = method.Name switch { "CreateSpan" => true, "CreateReadOnlySpan" => false, _ => null };
        return isWrite is { } write && TypeLayout.Of(method.GenericArguments[0]) is { } element ? (element.Size, write) : null;
    }

    static VariableDefinition SaveBase(MethodContext ctx, Instruction baseAddress)
    {
        // A byref, so the GC updates it if the object moves between derivation and access.
        var temp = new VariableDefinition(new ByReferenceType(ctx.Module.Module.TypeSystem.Byte));
        ctx.Method.Body.Variables.Add(temp);
        ctx.Editor.InsertAfter(baseAddress, [Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Stloc, temp)]);
        return temp;
    }

    /// <summary>
    /// The check of the address on top of the stack (left there) for an access of <paramref name="size"/> bytes; for a
    /// field of a struct element (<c>Unsafe.Add(ref buf[0], i).Field</c>) the field's own address is checked.
    /// </summary>
    static List<Instruction> Check(MethodContext ctx, Instruction access, bool isWrite, VariableDefinition baseTemp, BufferPath path, Instruction[] size, FieldReference? field = null)
    {
        var check = new List<Instruction> { Instruction.Create(OpCodes.Dup) };
        if (field is not null) check.Add(Instruction.Create(OpCodes.Ldflda, field));
        check.Add(Instruction.Create(OpCodes.Conv_U));
        check.AddRange(size);
        check.AddRange(
        [
            Instruction.Create(OpCodes.Ldloc, baseTemp),
            Instruction.Create(OpCodes.Conv_U),
            Instruction.Create(OpCodes.Ldc_I4, path.Buffer.Bytes),
            ctx.SiteOf(access),
            Instruction.Create(isWrite ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0),
            Instruction.Create(OpCodes.Ldstr, path.Buffer.Description),
        ]);
        if (path.Enclosing is { } enclosing)
        {
            check.Add(Instruction.Create(OpCodes.Ldc_I4, enclosing.BufferOffset));
            check.Add(Instruction.Create(OpCodes.Ldc_I4, enclosing.Bytes));
            check.Add(Instruction.Create(OpCodes.Ldc_I4, (int)enclosing.Kind));
            check.Add(Instruction.Create(OpCodes.Ldstr, enclosing.Name));
            check.Add(Instruction.Create(OpCodes.Call, ctx.Module.Entry(Runtime, "CheckEnclosed")));
        }
        else
        {
            check.Add(Instruction.Create(OpCodes.Call, ctx.Module.Entry(Runtime, "Check")));
        }
        ctx.Changed = true;
        ctx.Checks++;
        return check;
    }
}
