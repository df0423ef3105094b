using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Passes;

/// <summary>
/// Moves <c>stackalloc</c> buffers to the runtime's fake stack (ASan's detect_stack_use_after_return): each
/// <c>localloc</c> becomes a call that returns a buffer with poisoned redzones, owned by this method's
/// shadow-stack frame, and every return releases the frame's buffers (poisoned as "after return").
/// Zero-filled like localloc when the method has InitLocals (C# without [SkipLocalsInit]).
/// </summary>
public sealed class StackAllocPass : IInstrumentationPass
{
    const string FakeStack = "SharpSan.Runtime.Address.Stack.FakeStack";

    public string Name => "stackalloc";

    public void Run(MethodContext ctx)
    {
        var body = ctx.Method.Body;
        var allocations = body.Instructions.Where(i => i.OpCode.Code == Code.Localloc && !ctx.Editor.Inserted.Contains(i)).ToList();
        if (allocations.Count == 0) return;
        var module = ctx.Module;
        var frame = ctx.FrameLocal;
        foreach (var localloc in allocations)
        {
            // [size] localloc  →  [size] ldloc frame; ldc site; ldc zero; call FakeStack.Alloc
            var site = ctx.SiteOf(localloc);
            var moved = ctx.Editor.InsertBefore(localloc,
            [
                Instruction.Create(OpCodes.Ldloc, frame),
                site,
                Instruction.Create(body.InitLocals ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0),
            ]);
            ctx.Editor.Inserted.Add(site);
            moved.OpCode = OpCodes.Call;
            moved.Operand = module.Entry(FakeStack, "Alloc");
            ctx.Editor.Inserted.Add(moved);
            ctx.Retarget(localloc, moved);
        }
        var release = module.Entry(FakeStack, "Release");
        foreach (var ret in body.Instructions.Where(i => i.OpCode.Code == Code.Ret && !ctx.Editor.Inserted.Contains(i)).ToList())
        {
            var at = ret.Previous is { } call && call.Previous is { OpCode.Code: Code.Tail } ? call : ret;
            ctx.Editor.InsertBefore(at, [Instruction.Create(OpCodes.Ldloc, frame), Instruction.Create(OpCodes.Call, release)]);
        }
        ctx.NeedsFrame = true;
        ctx.Changed = true;
    }
}
