using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Races;

/// <summary>
/// Tells the runtime where the SpinLock of each Enter/TryEnter lives, so that each SpinLock has a clock of its own
/// (SharpSan.Runtime's SpinLockInterceptors): right before the call, Locate(owner, field path) for a field of a class
/// or a static, LocateElement(array, index, path) for an array element, LocateCopy() for a local or a by-value
/// parameter (a <c>readonly</c> field's defensive copy lands there). A receiver it cannot trace (a <c>ref</c>
/// parameter, a pointer, across a branch) gets no call: the runtime then uses the clock all such SpinLocks share.
/// </summary>
public sealed class SpinLockLocationPass : IInstrumentationPass
{
    const string Interceptors = "SharpSan.Runtime.Races.Sync.SpinLockInterceptors";

    public string Name => "spin lock locations";

    public void Run(MethodContext ctx)
    {
        foreach (var call in ctx.Method.Body.Instructions.ToArray())
        {
            if (ctx.Editor.Inserted.Contains(call) || !IsEnter(call)) continue;
            var receiver = ctx.Provenance.ProducerOf(call, ((MethodReference)call.Operand).Parameters.Count);
            if (receiver is null) continue;
            // Walk down a struct's fields (holder.guard.Lock) to where the outermost struct lives.
            uint path = 2166136261;
            var root = receiver;
            while (root is { OpCode.Code: Code.Ldflda, Operand: FieldReference { DeclaringType.IsValueType: true } inner })
            {
                path = Hash(path, inner.Name);
                root = ctx.Provenance.ProducerOf(root, 0);
            }
            if (Locate(ctx, root, path) is not { } locate) continue;
            ctx.Editor.InsertBefore(call, locate);
            ctx.Changed = true;
        }
    }

    static bool IsEnter(Instruction i) =>
        i.OpCode.Code is Code.Call && i.Operand is MethodReference { Name: "Enter" or "TryEnter" } m
        && m.DeclaringType.FullName == "System.Threading.SpinLock";

    /// <summary>The call naming the location whose address <paramref name="root"/> pushes, or null when it cannot tell.</summary>
    static List<Instruction>? Locate(MethodContext ctx, Instruction? root, uint path)
    {
        var system = ctx.Method.Module.TypeSystem;
        switch (root?.OpCode.Code)
        {
            case Code.Ldflda:
            {
                var field = (FieldReference)root.Operand;
                var owner = NewLocal(ctx, system.Object);
                ctx.Editor.InsertBefore(root, [Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Stloc, owner)]);
                return [Instruction.Create(OpCodes.Ldloc, owner), Instruction.Create(OpCodes.Ldc_I8, Key(field, path)),
                    Instruction.Create(OpCodes.Call, ctx.Module.Entry(Interceptors, "Locate"))];
            }
            case Code.Ldsflda:
                return [Instruction.Create(OpCodes.Ldnull), Instruction.Create(OpCodes.Ldc_I8, Key((FieldReference)root.Operand, path)),
                    Instruction.Create(OpCodes.Call, ctx.Module.Entry(Interceptors, "Locate"))];
            case Code.Ldelema:
            {
                var array = NewLocal(ctx, system.Object);
                var index = NewLocal(ctx, system.IntPtr);
                ctx.Editor.InsertBefore(root, [
                    Instruction.Create(OpCodes.Conv_I), Instruction.Create(OpCodes.Stloc, index), Instruction.Create(OpCodes.Dup),
                    Instruction.Create(OpCodes.Stloc, array), Instruction.Create(OpCodes.Ldloc, index)]);
                return [Instruction.Create(OpCodes.Ldloc, array), Instruction.Create(OpCodes.Ldloc, index), Instruction.Create(OpCodes.Ldc_I4, (int)path),
                    Instruction.Create(OpCodes.Call, ctx.Module.Entry(Interceptors, "LocateElement"))];
            }
            case Code.Ldloca or Code.Ldarga:
                return [Instruction.Create(OpCodes.Call, ctx.Module.Entry(Interceptors, "LocateCopy"))];
            default:
                return null;
        }
    }

    /// <summary>A fresh local: the temps MethodContext shares by type could be reused by code other passes insert in between.</summary>
    static VariableDefinition NewLocal(MethodContext ctx, TypeReference type)
    {
        var local = new VariableDefinition(type);
        ctx.Method.Body.Variables.Add(local);
        return local;
    }

    /// <summary>The field (its full name, stable across modules) and the struct path below it, as one number.</summary>
    static long Key(FieldReference field, uint path) =>
        ((long)path << 32) | Hash(2166136261, field.DeclaringType.GetElementType().FullName + "::" + field.Name);

    static uint Hash(uint hash, string text)
    {
        foreach (char c in text) hash = (hash ^ c) * 16777619;
        return hash;
    }
}
