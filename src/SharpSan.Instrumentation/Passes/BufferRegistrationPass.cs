using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Passes;

/// <summary>
/// Tells the runtime about fixed buffers and [InlineArray]s whose address escapes the method that derives it, so that
/// SGCheck's heuristic (<see cref="BindingSites"/>) can bind a loop in a callee to them: <c>byte* p = packet-&gt;Name;
/// Fill(p, n)</c>. An address escapes when it is passed to a call, stored to memory or a field, returned, or kept in a
/// local that is written more than once. Right after the instruction that derives the buffer's start:
/// <code>
///   ldflda FixedElementField  →  ldflda FixedElementField; dup; conv.u; bytes; description; offset; size; kind; name; ldloc frame; call EscapedBuffers.Register
/// </code>
/// and before every return <c>EscapedBuffers.Release(frame)</c>. Only buffers whose enclosing struct has a known
/// layout are registered: the heuristic reports an access only if it stays inside that struct, so that a loop walking
/// buffers of different objects (an array of pointers to them) is never taken for an overrun. Fixed buffers in class
/// objects therefore stay unregistered (the CLR chooses a class's field layout).
/// </summary>
public sealed class BufferRegistrationPass : IInstrumentationPass
{
    const string Runtime = "SharpSan.Runtime.Address.Heuristic.EscapedBuffers";

    public string Name => "buffer-registration";

    public void Run(MethodContext ctx)
    {
        if (!BufferDerivation.MayDeriveBuffer(ctx.Method.Body)) return;
        var registered = new HashSet<Instruction>();
        foreach (var sink in ctx.Method.Body.Instructions.ToArray())
        {
            if (ctx.Editor.Inserted.Contains(sink)) continue;
            foreach (int depth in EscapingOperands(ctx, sink))
            {
                if (ctx.Buffers.Resolve(ctx.Provenance.ProducerOf(sink, depth)) is not { Enclosing: { } enclosing } path) continue;
                if (registered.Add(path.Base)) Register(ctx, path, enclosing);
            }
        }
        if (registered.Count == 0) return;
        var release = ctx.Module.Entry(Runtime, "Release");
        foreach (var ret in ctx.Method.Body.Instructions.Where(i => i.OpCode.Code == Code.Ret && !ctx.Editor.Inserted.Contains(i)).ToList())
        {
            var at = ret.Previous is { } call && call.Previous is { OpCode.Code: Code.Tail } ? call : ret;
            ctx.Editor.InsertBefore(at, [Instruction.Create(OpCodes.Ldloc, ctx.FrameLocal), Instruction.Create(OpCodes.Call, release)]);
        }
        ctx.NeedsFrame = true;
    }

    /// <summary>Operand depths of <paramref name="sink"/> through which an address leaves the method's sight.</summary>
    static IEnumerable<int> EscapingOperands(MethodContext ctx, Instruction sink)
    {
        switch (sink.OpCode.Code)
        {
            case Code.Call or Code.Callvirt or Code.Newobj when sink.Operand is MethodReference callee && !IsAddressStep(callee):
                int pops = StackEffects.Of(sink, ctx.Method).Pops;
                for (int depth = 0; depth < pops; depth++) yield return depth;
                break;
            case Code.Stind_I or Code.Stind_I8 or Code.Stfld or Code.Stsfld or Code.Starg:
                yield return 0;
                break;
            case Code.Ret when ctx.Method.ReturnType.MetadataType != MetadataType.Void:
                yield return 0;
                break;
            case Code.Stloc when sink.Operand is VariableDefinition local && ctx.Buffers.Locals.SingleStore(local) != sink:
                yield return 0;
                break;
        }
    }

    // Calls the derivation follows (Unsafe.Add, the compiler's inline-array helpers) do not let the address escape.
    static bool IsAddressStep(MethodReference callee) =>
        callee.DeclaringType.FullName is "System.Runtime.CompilerServices.Unsafe" or "<PrivateImplementationDetails>"
        || callee.DeclaringType.Namespace.StartsWith("SharpSan.Runtime", StringComparison.Ordinal);

    static void Register(MethodContext ctx, BufferPath path, Enclosing enclosing)
    {
        ctx.Editor.InsertAfter(path.Base,
        [
            Instruction.Create(OpCodes.Dup),
            Instruction.Create(OpCodes.Conv_U),
            Instruction.Create(OpCodes.Ldc_I4, path.Buffer.Bytes),
            Instruction.Create(OpCodes.Ldstr, path.Buffer.Description),
            Instruction.Create(OpCodes.Ldc_I4, enclosing.BufferOffset),
            Instruction.Create(OpCodes.Ldc_I4, enclosing.Bytes),
            Instruction.Create(OpCodes.Ldc_I4, (int)enclosing.Kind),
            Instruction.Create(OpCodes.Ldstr, enclosing.Name),
            Instruction.Create(OpCodes.Ldloc, ctx.FrameLocal),
            Instruction.Create(OpCodes.Call, ctx.Module.Entry(Runtime, "Register")),
        ]);
        ctx.Changed = true;
    }
}
