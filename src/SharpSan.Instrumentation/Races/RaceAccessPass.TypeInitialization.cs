using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// Type constructors in RaceAccessPass: a release at each return of one, an acquire (RaceSync.StaticsReady) after
/// each access to a static of a type that has one.
/// </summary>
public sealed partial class RaceAccessPass
{
    /// <summary>
    /// A static of a type with a static constructor: the runtime runs the constructor once, and every other thread
    /// waits for it before touching the type's statics (happens-before). Right after the access (the type is
    /// initialized by then), the thread acquires what the type constructors finished so far released
    /// (RaceSync.StaticsReady: two loads and a compare once up to date), then the static's own check runs.
    /// </summary>
    void AfterTypeInitialization(MethodContext ctx, Instruction access, List<Instruction> check)
    {
        ctx.Editor.InsertAfter(access, [Instruction.Create(OpCodes.Ldloc, ThreadLocal(ctx)), Call(ctx, Sync, "StaticsReady"), .. check]);
        if (check.Count > 0) ctx.Checks++;
        ctx.Changed = true;
    }

    /// <summary>Not inside a type constructor itself (its own statics are being set up by this very thread).</summary>
    static bool NeedsTypeInitialization(MethodContext ctx, FieldReference field) =>
        !IsTypeConstructor(ctx.Method) && HasTypeConstructor(field.DeclaringType);

    static bool IsTypeConstructor(MethodDefinition method) => method.IsConstructor && method.IsStatic;

    static bool HasTypeConstructor(TypeReference type) => type.TryResolve() is { } definition && definition.Methods.Any(IsTypeConstructor);

    /// <summary>At each return of a type constructor: release what it did to every thread that then uses the type's statics.</summary>
    void TypeConstructorDone(MethodContext ctx)
    {
        if (!IsTypeConstructor(ctx.Method)) return;
        foreach (var ret in ctx.Method.Body.Instructions.Where(i => i.OpCode.Code == Code.Ret && !ctx.Editor.Inserted.Contains(i)).ToList())
            ctx.Editor.InsertBefore(ret, [Call(ctx, Sync, "StaticConstructorDone")]);
        ctx.Changed = true;
    }
}
