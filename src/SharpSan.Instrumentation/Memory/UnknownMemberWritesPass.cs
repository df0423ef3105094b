using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Memory;

/// <summary>
/// MemorySanitizer's rule for members its BCL table does not know (runs after the memory interceptors are in place,
/// so every call still aimed outside the module and outside SharpSan is unknown): an unknown member never invents a
/// report, so whatever it could have written is defined once it returns — every <c>Memory&lt;T&gt;</c> or <c>ReadOnlyMemory&lt;T&gt;</c> argument (its array stops being tracked: the
/// callee may keep it and write it later). <c>ReadOnlySpan&lt;T&gt;</c> arguments cannot be written and are left
/// alone; array arguments and <c>Span&lt;T&gt;</c> arguments are the shadow pass's (arrays escape before the call,
/// spans are defined before it).
/// </summary>
public sealed class UnknownMemberWritesPass : IInstrumentationPass
{
    const string BclShadow = "SharpSan.Runtime.Memory.Bcl.BclShadow";

    public string Name => "memory-unknown-member-writes";

    public void Run(MethodContext ctx)
    {
        foreach (var call in ctx.Method.Body.Instructions.ToArray())
        {
            if (ctx.Editor.Inserted.Contains(call) || call.OpCode.Code is not (Code.Call or Code.Callvirt or Code.Newobj)) continue;
            if (call.Operand is not MethodReference target || !IsUnknown(target, ctx.Method.Module)) continue;
            if (call.Previous is { OpCode.Code: Code.Tail }) continue;   // nothing may follow a tail call
            var written = target.Parameters.Select((p, k) => (Kind: WrittenKind(p.ParameterType), Index: k)).Where(w => w.Kind is not null).ToList();
            if (written.Count == 0) continue;
            var types = target.Parameters.Select(p => CallSiteTypes.Of(ValueKinds.Strip(p.ParameterType), target.DeclaringType, target as IGenericInstance)).ToList();
            if (types.Any(t => t is null)) continue;
            Rewrite(ctx, call, types!, written!);
        }
    }

    /// <summary>A member outside this module and outside SharpSan (interceptors already replaced the table's members).</summary>
    static bool IsUnknown(MethodReference target, ModuleDefinition module)
    {
        var scope = target.DeclaringType.Scope;
        if (scope == module || scope == module.Assembly?.Name) return false;
        string scopeName = scope switch
        {
            AssemblyNameReference a => a.Name,
            ModuleDefinition m => m.Assembly?.Name.Name ?? m.Name,
            _ => scope?.Name ?? "",
        };
        return scopeName != "SharpSan.Runtime" && scopeName != "SharpSan.Annotations";
    }

    /// <summary>"Memory" or "ReadOnlyMemory" for a by-value parameter the callee may write through; null otherwise.</summary>
    static string? WrittenKind(TypeReference type) =>
        ValueKinds.Strip(type) is GenericInstanceType g ? g.ElementType.FullName switch
        {
            // Span<T> arguments are the shadow pass's (MemoryShadowPass.Spans: defined before the call, reinterpretations
            // such as MemoryMarshal.AsBytes/Cast left alone): one rule for them, not two.
            "System.Memory`1" => "Memory",
            "System.ReadOnlyMemory`1" => "ReadOnlyMemory",
            _ => null,
        } : null;

    static void Rewrite(MethodContext ctx, Instruction call, List<TypeReference> types, List<(string Kind, int Index)> written)
    {
        var temps = types.Select(t =>
        {
            var v = new VariableDefinition(t);
            ctx.Method.Body.Variables.Add(v);
            return v;
        }).ToList();
        var before = new List<Instruction>();
        for (int k = temps.Count - 1; k >= 0; k--) before.Add(Instruction.Create(OpCodes.Stloc, temps[k]));
        foreach (var t in temps) before.Add(Instruction.Create(OpCodes.Ldloc, t));
        var after = new List<Instruction>();
        foreach (var (kind, index) in written)
        {
            var element = ((GenericInstanceType)temps[index].VariableType).GenericArguments[0];
            var entry = new GenericInstanceMethod(ctx.Module.Entry(BclShadow, "UnknownWrote" + kind));
            entry.GenericArguments.Add(element);
            after.Add(Instruction.Create(OpCodes.Ldloc, temps[index]));
            after.Add(Instruction.Create(OpCodes.Call, entry));
        }
        var moved = ctx.Editor.InsertBefore(call, before);
        ctx.Editor.InsertAfter(moved, after);
        ctx.Changed = true;
    }
}
