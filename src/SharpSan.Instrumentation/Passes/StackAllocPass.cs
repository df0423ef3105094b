using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Passes;

/// <summary>
/// Moves <c>stackalloc</c> buffers to the runtime's fake stack (ASan's detect_stack_use_after_return): each
/// <c>localloc</c> becomes a call that returns a buffer with poisoned redzones, owned by this method's
/// shadow-stack frame, and every return releases the frame's buffers (poisoned as "after return").
/// Zero-filled like localloc when the method has InitLocals (C# without [SkipLocalsInit]).
/// A method with a loop keeps the JIT's treatment of localloc (see <see cref="KeepFullOpts"/>).
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
        KeepFullOpts(ctx.Method);
        ctx.NeedsFrame = true;
        ctx.Changed = true;
    }

    /// <summary>
    /// The JIT cannot patch a method that has both a loop and <c>localloc</c> into optimized code mid-loop (OSR), so it
    /// compiles such a method fully optimized at its first call instead of at tier 0. Without its <c>localloc</c>, the
    /// rewritten method would go through tier 0 and then an instrumented tier while it is hot (stackbuf: a fifth of the
    /// run's samples at 1M calls). Asking for optimized code from the first call keeps the original's treatment.
    /// </summary>
    static void KeepFullOpts(MethodDefinition method)
    {
        // Instruction offsets are stale while passes insert code: compare positions in the list.
        var instructions = method.Body.Instructions;
        var position = new Dictionary<Instruction, int>(instructions.Count);
        for (int n = 0; n < instructions.Count; n++) position[instructions[n]] = n;
        bool IsBackward(Instruction from, Instruction to) => position.TryGetValue(to, out int at) && at <= position[from];
        bool loops = instructions.Any(i => i.Operand is Instruction target && IsBackward(i, target)
            || i.Operand is Instruction[] targets && targets.Any(t => IsBackward(i, t)));
        if (loops) method.ImplAttributes |= AggressiveOptimization;
    }

    const MethodImplAttributes AggressiveOptimization = (MethodImplAttributes)0x0200;
}
