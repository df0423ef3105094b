using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// ThreadSanitizer for IValueTaskSource objects built on ManualResetValueTaskSourceCore — every async iterator (its
/// promise of the next item) and hand-written pooled sources. The core is a struct field, so a runtime interceptor of
/// its methods would not know the object the awaiter sees; instead, in instance methods of classes, the pass calls
/// SourceCompletion with <c>this</c>: Completing before the core's SetResult/SetException (release), Observed after
/// its GetResult (acquire: an async iterator's MoveNextAsync takes an item that is already there this way). The
/// ValueTask awaiter's GetResult acquires the same clock (that of the object behind the ValueTask). When the core
/// belongs to another object the extra edge only over-synchronises.
/// </summary>
public sealed class ValueTaskSourcePass : IInstrumentationPass
{
    const string Core = "System.Threading.Tasks.Sources.ManualResetValueTaskSourceCore`1";
    const string Entry = "SharpSan.Runtime.Races.Sync.SourceCompletion";

    public string Name => "value-task-sources";

    public void Run(MethodContext ctx)
    {
        var method = ctx.Method;
        if (method.IsStatic || method.DeclaringType.IsValueType) return;
        foreach (var instruction in method.Body.Instructions.ToArray())
        {
            if (instruction.OpCode.Code != Code.Call || ctx.Editor.Inserted.Contains(instruction)) continue;
            if (instruction.Operand is not MethodReference target || target.DeclaringType.GetElementType().FullName != Core) continue;
            if (target.Name is "SetResult" or "SetException")
            {
                var moved = ctx.Editor.InsertBefore(instruction, Call(ctx, "Completing"));
                ctx.Retarget(instruction, moved);
            }
            else if (target.Name == "GetResult")
            {
                ctx.Editor.InsertAfter(instruction, Call(ctx, "Observed"));
            }
            else continue;
            ctx.Changed = true;
        }
    }

    static Instruction[] Call(MethodContext ctx, string entry) =>
        [Instruction.Create(OpCodes.Ldarg_0), Instruction.Create(OpCodes.Call, ctx.Module.Entry(Entry, entry))];
}
