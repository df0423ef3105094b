using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Passes;

/// <summary>
/// Maintains the runtime's shadow call stack (TSan's func_entry/func_exit): a frame pushed in the prologue,
/// popped before every return (and before a tail call), re-established at the start of every exception
/// handler, and the IL offset of each call stored into the frame just before the call, so captured stacks
/// carry call-site lines. Runs last, so it sees the calls other passes redirected.
/// </summary>
public sealed class ShadowCallStackPass : IInstrumentationPass
{
    const string ShadowStack = "SharpSan.Runtime.Common.Stacks.ShadowStack";

    /// <summary>BCL types whose methods neither call back into user code nor report: no call-site store needed.</summary>
    static readonly HashSet<string> s_leafTypes =
    [
        "System.Math", "System.MathF", "System.Span`1", "System.ReadOnlySpan`1", "System.Runtime.CompilerServices.Unsafe",
        "System.BitConverter", "System.Buffers.Binary.BinaryPrimitives", "System.Numerics.BitOperations",
        "System.Runtime.CompilerServices.RuntimeHelpers", "System.IntPtr", "System.UIntPtr", "System.Int32", "System.Int64",
        "SharpSan.Runtime.Address.AddressChecks", "SharpSan.Runtime.Common.Stacks.ShadowStack",
    ];

    public string Name => "shadow-call-stack";

    public void Run(MethodContext ctx)
    {
        var body = ctx.Method.Body;
        if (body.Instructions.Any(i => i.OpCode.Code == Code.Jmp)) return;
        var calls = body.Instructions.Where(i => !ctx.Editor.Inserted.Contains(i) && IsCallNeedingSite(i)).ToList();
        // A method with no calls and no checks can never appear in a captured stack.
        if (calls.Count == 0 && ctx.Checks == 0) return;

        var module = ctx.Module;
        var frame = new VariableDefinition(new PointerType(module.Module.TypeSystem.Int32));
        body.Variables.Add(frame);

        foreach (var call in calls)
        {
            var site = ctx.SiteOf(call);
            var moved = ctx.Editor.InsertBefore(call, [Instruction.Create(OpCodes.Ldloc, frame), site, Instruction.Create(OpCodes.Stind_I4)]);
            ctx.Retarget(call, moved);
            ctx.Editor.Inserted.Add(site);
            if (IsTailCall(moved)) ctx.Editor.InsertBefore(moved, Exit(module, frame));
        }

        foreach (var ret in body.Instructions.Where(i => i.OpCode.Code == Code.Ret && !ctx.Editor.Inserted.Contains(i)).ToList())
        {
            if (ret.Previous is { } p && IsTailCall(p)) continue;
            ctx.Editor.InsertBefore(ret, Exit(module, frame));
        }

        foreach (var handler in body.ExceptionHandlers.ToList())
        {
            foreach (var start in new[] { handler.HandlerStart, handler.FilterStart })
            {
                if (start is null) continue;
                ctx.Editor.InsertBefore(start, [Instruction.Create(OpCodes.Ldloc, frame), Instruction.Create(OpCodes.Call, module.Entry(ShadowStack, "Restore"))]);
            }
        }

        var first = body.Instructions[0];
        var prologue = new List<Instruction>
        {
            Instruction.Create(OpCodes.Ldsfld, module.FrameKeyBase),
            ctx.MethodRidConstant(),
            Instruction.Create(OpCodes.Or),
            Instruction.Create(OpCodes.Call, module.Entry(ShadowStack, "Enter")),
            Instruction.Create(OpCodes.Stloc, frame),
        };
        // The prologue must run once, outside any try block and before any branch back to the first instruction.
        var il = body.GetILProcessor();
        foreach (var p in prologue) { il.InsertBefore(first, p); ctx.Editor.Inserted.Add(p); }
        ctx.Changed = true;
    }

    static List<Instruction> Exit(ModuleContext module, VariableDefinition frame) =>
        [Instruction.Create(OpCodes.Ldloc, frame), Instruction.Create(OpCodes.Call, module.Entry(ShadowStack, "Exit"))];

    static bool IsTailCall(Instruction call) => call.Previous is { OpCode.Code: Code.Tail };

    static bool IsCallNeedingSite(Instruction i)
    {
        if (i.OpCode.Code is not (Code.Call or Code.Callvirt or Code.Newobj or Code.Calli)) return false;
        if (i.Operand is not MethodReference m) return true;
        return !s_leafTypes.Contains(m.DeclaringType.GetElementType().FullName);
    }
}
