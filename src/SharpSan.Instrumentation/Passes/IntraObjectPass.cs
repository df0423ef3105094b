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
        foreach (var access in ctx.Method.Body.Instructions.ToArray())
        {
            if (ctx.Editor.Inserted.Contains(access)) continue;
            if (MemoryAccessPass.Describe(access) is not { Field: null, Size.Bytes: int bytes } shape) continue;
            var address = ctx.Provenance.ProducerOf(access, shape.Depth);
            if (address is null || ctx.Editor.Inserted.Contains(address) || !checkedAddresses.Add(address)) continue;
            if (ctx.Buffers.Resolve(address) is not { HasArithmetic: true } path) continue;
            if (!bases.TryGetValue(path.Base, out var baseTemp))
                bases[path.Base] = baseTemp = SaveBase(ctx, path.Base);
            Insert(ctx, address, access, bytes, shape.IsWrite, baseTemp, path);
        }
    }

    static VariableDefinition SaveBase(MethodContext ctx, Instruction baseAddress)
    {
        // A byref, so the GC updates it if the object moves between derivation and access.
        var temp = new VariableDefinition(new ByReferenceType(ctx.Module.Module.TypeSystem.Byte));
        ctx.Method.Body.Variables.Add(temp);
        ctx.Editor.InsertAfter(baseAddress, [Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Stloc, temp)]);
        return temp;
    }

    static void Insert(MethodContext ctx, Instruction address, Instruction access, int size, bool isWrite, VariableDefinition baseTemp, BufferPath path)
    {
        var check = new List<Instruction>
        {
            Instruction.Create(OpCodes.Dup),
            Instruction.Create(OpCodes.Conv_U),
            Instruction.Create(OpCodes.Ldc_I4, size),
            Instruction.Create(OpCodes.Ldloc, baseTemp),
            Instruction.Create(OpCodes.Conv_U),
            Instruction.Create(OpCodes.Ldc_I4, path.Buffer.Bytes),
            ctx.SiteOf(access),
            Instruction.Create(isWrite ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0),
            Instruction.Create(OpCodes.Ldstr, path.Buffer.Description),
        };
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
        ctx.Editor.InsertAfter(address, check);
        ctx.Changed = true;
        ctx.Checks++;
    }
}
