using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Passes;

/// <summary>
/// Premature finalization (the missing <c>GC.KeepAlive(this)</c>): each instance method of a finalizable class records,
/// for the runtime, that a method of its object is running on this thread (ActiveInstanceMethods.Enter in the
/// prologue, Exit before each return), so that a finalizer freeing native memory meanwhile is reported. The prologue
/// reads <c>this</c> once and keeps only its identity hash, never the reference: the object's lifetime stays exactly
/// what the original code gives it. Ordinary methods also get gc_stress safe points before their calls and loop
/// back-edges. Runs before the shadow call stack pass, whose frame it needs and whose prologue goes in front of it.
/// </summary>
public sealed class FinalizableThisPass : IInstrumentationPass
{
    const string Active = "SharpSan.Runtime.Address.Finalization.ActiveInstanceMethods";
    const string Stress = "SharpSan.Runtime.Address.Finalization.GcStress";

    readonly FinalizableTypes _types = new();

    public string Name => "finalizable-this";

    public void Run(MethodContext ctx)
    {
        var method = ctx.Method;
        if (method.IsStatic || method.IsConstructor || !method.HasBody || !_types.IsFinalizable(method.DeclaringType)) return;
        // jmp and tail. leave the method without passing its returns (the shadow stack pass skips jmp methods too).
        if (method.Body.Instructions.Any(i => i.OpCode.Code is Code.Jmp or Code.Tail)) return;

        int kind = FinalizableTypes.IsFinalizer(method) ? 1 : FinalizableTypes.IsReleaseHandle(method) ? 2 : 0;
        var module = ctx.Module;
        var frame = ctx.FrameLocal;
        ctx.NeedsFrame = true;
        if (kind == 0) AddSafePoints(ctx, frame);

        var depth = new VariableDefinition(method.Module.TypeSystem.Int32);
        method.Body.Variables.Add(depth);
        foreach (var ret in method.Body.Instructions.Where(i => i.OpCode.Code == Code.Ret && !ctx.Editor.Inserted.Contains(i)).ToList())
            ctx.Editor.InsertBefore(ret, [Instruction.Create(OpCodes.Ldloc, depth), Instruction.Create(OpCodes.Call, module.Entry(Active, "Exit"))]);
        ctx.InsertPrologue(
        [
            Instruction.Create(OpCodes.Ldarg_0),
            Instruction.Create(OpCodes.Ldloc, frame),
            Instruction.Create(OpCodes.Ldc_I4, kind),
            Instruction.Create(OpCodes.Call, module.Entry(Active, "Enter")),
            Instruction.Create(OpCodes.Stloc, depth),
        ]);
    }

    /// <summary>Before each call and each backward branch of the original code: where gc_stress may collect.</summary>
    static void AddSafePoints(MethodContext ctx, VariableDefinition frame)
    {
        var instructions = ctx.Method.Body.Instructions;
        var order = new Dictionary<Instruction, int>();
        for (int k = 0; k < instructions.Count; k++) order[instructions[k]] = k;
        var points = instructions.Where(i => !ctx.Editor.Inserted.Contains(i) && (IsCall(i) || IsBackwardBranch(i, order))).ToList();
        var safePoint = ctx.Module.Entry(Stress, "SafePoint");
        foreach (var point in points)
        {
            var site = ctx.SiteOf(point);
            var moved = ctx.Editor.InsertBefore(point, [Instruction.Create(OpCodes.Ldloc, frame), site, Instruction.Create(OpCodes.Call, safePoint)]);
            ctx.Retarget(point, moved);
            ctx.Editor.Inserted.Add(site);
        }
    }

    static bool IsCall(Instruction i) => i.OpCode.Code is Code.Call or Code.Callvirt or Code.Newobj or Code.Calli;

    static bool IsBackwardBranch(Instruction i, Dictionary<Instruction, int> order) => i.Operand switch
    {
        Instruction target when i.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch => order[target] <= order[i],
        Instruction[] targets => targets.Any(t => order[t] <= order[i]),
        _ => false,
    };
}
