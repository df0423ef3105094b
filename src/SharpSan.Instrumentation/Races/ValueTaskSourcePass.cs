using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// ThreadSanitizer for IValueTaskSource objects built on ManualResetValueTaskSourceCore — every async iterator (its
/// promise of the next item) and hand-written pooled sources. The core is a struct field, so a runtime interceptor of
/// its methods would not know the object the awaiter sees. Where a call's receiver is <c>ldflda core</c> on an object,
/// the pass keeps that object in a local and calls SourceCompletion with it: Completing before SetResult/SetException
/// (release), Observed after GetResult (acquire: an async iterator's MoveNextAsync takes an item that is already there
/// this way). The ValueTask awaiter's GetResult acquires the same clock, that of the object behind the ValueTask.
/// Runs before the race passes, on the compiler's IL, so that the walk back to the receiver meets no inserted checks.
/// <para>A hand-written source (its own fields and atomics instead of the core) gets SourceCompletion.ResultTaken at
/// the start of its GetResult: the thread taking the result has seen the completion through the source's own
/// synchronisation, and hands it on to whoever observes a task made from the source (AsTask, Preserve, WhenAll).</para>
/// </summary>
public sealed class ValueTaskSourcePass : IInstrumentationPass
{
    const string Core = "System.Threading.Tasks.Sources.ManualResetValueTaskSourceCore`1";
    const string Entry = "SharpSan.Runtime.Races.Sync.SourceCompletion";

    public string Name => "value-task-sources";

    public void Run(MethodContext ctx)
    {
        if (IsSourceGetResult(ctx.Method))
        {
            ctx.InsertPrologue([Instruction.Create(OpCodes.Ldarg_0), Instruction.Create(OpCodes.Call, ctx.Module.Entry(Entry, "ResultTaken"))]);
            ctx.Changed = true;
        }
        HashSet<Instruction>? starts = null;
        foreach (var call in ctx.Method.Body.Instructions.ToArray())
        {
            if (call.OpCode.Code != Code.Call || ctx.Editor.Inserted.Contains(call)) continue;
            if (call.Operand is not MethodReference target || target.DeclaringType.GetElementType().FullName != Core) continue;
            bool completes = target.Name is "SetResult" or "SetException";
            if (!completes && target.Name != "GetResult") continue;
            starts ??= ModuleTypes.BlockStarts(ctx.Method.Body);
            if (OwnerAddress(call, target, ctx.Method, starts) is not { } address) continue;

            // The object under the core's address: `dup; stloc owner` before the ldflda.
            var owner = new VariableDefinition(ctx.Method.Module.TypeSystem.Object);
            ctx.Method.Body.Variables.Add(owner);
            ctx.Retarget(address, ctx.Editor.InsertBefore(address, [Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Stloc, owner)]));
            var notify = new[] { Instruction.Create(OpCodes.Ldloc, owner), Instruction.Create(OpCodes.Call, ctx.Module.Entry(Entry, completes ? "Completing" : "Observed")) };
            if (completes) ctx.Retarget(call, ctx.Editor.InsertBefore(call, notify));
            else ctx.Editor.InsertAfter(call, notify);
            ctx.Changed = true;
        }
    }

    const string SourceInterface = "System.Threading.Tasks.Sources.IValueTaskSource";

    /// <summary>GetResult of a class implementing IValueTaskSource or IValueTaskSource&lt;T&gt; (implicitly or explicitly).</summary>
    static bool IsSourceGetResult(MethodDefinition method)
    {
        if (method.IsStatic || method.DeclaringType.IsValueType || method.Parameters.Count != 1) return false;
        if (method.Name != "GetResult" && !(method.Name.StartsWith(SourceInterface, StringComparison.Ordinal) && method.Name.EndsWith(".GetResult", StringComparison.Ordinal)))
            return false;
        return method.DeclaringType.Interfaces.Any(i => i.InterfaceType.GetElementType().FullName is SourceInterface or SourceInterface + "`1");
    }

    /// <summary>
    /// The <c>ldflda</c> of a class's field that pushed the call's receiver, found by walking back over the
    /// arguments in straight-line code; null for any other receiver (a local core, a struct's field).
    /// </summary>
    static Instruction? OwnerAddress(Instruction call, MethodReference target, MethodDefinition method, HashSet<Instruction> starts)
    {
        int above = target.Parameters.Count;   // slots pushed after the receiver
        for (var i = call.Previous; i is not null; i = i.Previous)
        {
            var (pops, pushes) = StackEffects.Of(i, method);
            if (pushes > above)
            {
                if (pushes != 1 || i.OpCode.Code != Code.Ldflda || i.Operand is not FieldReference field) return null;
                TypeDefinition? declaring;
                try { declaring = field.DeclaringType.Resolve(); } catch (AssemblyResolutionException) { return null; }
                return declaring is { IsValueType: false } ? i : null;
            }
            above += pops - pushes;
            if (starts.Contains(i) || i.OpCode.FlowControl is not (FlowControl.Next or FlowControl.Call)) return null;
        }
        return null;
    }
}
