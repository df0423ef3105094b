using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Il;

/// <summary>Where a pointer value can point, as far as SGCheck's heuristic cares.</summary>
public enum PointerOrigin
{
    /// <summary>Native heap (an allocator's result), a managed array element, or null: never a buffer the heuristic binds to.</summary>
    Unbindable,
    /// <summary>A stackalloc of this very method: its redzones catch a walk off its ends.</summary>
    OwnStack,
    /// <summary>Anything else, including whatever a caller passes in: it may be a known buffer.</summary>
    MayBeKnown,
}

/// <summary>
/// A module-wide, cheap points-to approximation that keeps SGCheck's binding checks off loops that can only ever
/// touch memory the heuristic never binds to (the bulk of pointer code: buffers from NativeMemory.Alloc or pinned
/// arrays). A pointer parameter is "heap only" when every call in the module passes it a pointer whose origin is
/// <see cref="PointerOrigin.Unbindable"/> — computed as a greatest fixpoint, for methods nothing outside the module
/// can call (private/internal, or any method of an application, not virtual, never turned into a delegate).
/// </summary>
public sealed class PointerOrigins
{
    const int MaxHops = 16;

    static readonly HashSet<string> s_allocators =
    [
        "System.Runtime.InteropServices.NativeMemory::Alloc", "System.Runtime.InteropServices.NativeMemory::AllocZeroed",
        "System.Runtime.InteropServices.NativeMemory::AlignedAlloc", "System.Runtime.InteropServices.NativeMemory::Realloc",
        "System.Runtime.InteropServices.NativeMemory::AlignedRealloc", "System.Runtime.InteropServices.Marshal::AllocHGlobal",
        "System.Runtime.InteropServices.Marshal::AllocCoTaskMem", "System.Runtime.InteropServices.Marshal::ReAllocHGlobal",
        "System.Runtime.InteropServices.Marshal::ReAllocCoTaskMem",
    ];

    // Calls that hand back (a pointer to) their first argument.
    static readonly HashSet<string> s_passThrough =
    [
        "System.IntPtr::ToPointer", "System.IntPtr::op_Explicit", "System.UIntPtr::ToPointer", "System.UIntPtr::op_Explicit",
        "System.Runtime.CompilerServices.Unsafe::AsPointer", "System.Runtime.CompilerServices.Unsafe::AsRef",
        "System.Runtime.CompilerServices.Unsafe::As", "System.Runtime.CompilerServices.Unsafe::Add",
        "System.Runtime.CompilerServices.Unsafe::Subtract", "System.Runtime.CompilerServices.Unsafe::AddByteOffset",
    ];

    readonly HashSet<ParameterDefinition> _heapOnly = [];

    public static PointerOrigins Analyse(IReadOnlyList<MethodContext> methods)
    {
        var origins = new PointerOrigins();
        var byMethod = methods.ToDictionary(m => m.Method);
        var delegated = methods.SelectMany(m => m.Method.Body.Instructions)
            .Where(i => i.OpCode.Code is Code.Ldftn or Code.Ldvirtftn && i.Operand is MethodReference)
            .Select(i => Resolve((MethodReference)i.Operand)).Where(d => d is not null).ToHashSet();
        bool application = methods.Count > 0 && methods[0].Method.Module.EntryPoint is not null;
        foreach (var ctx in methods)
        {
            var m = ctx.Method;
            bool closed = !m.IsVirtual && !m.IsAbstract && !delegated.Contains(m) && (application || !IsVisibleOutside(m));
            if (!closed) continue;
            foreach (var p in m.Parameters.Where(p => IsPointer(p.ParameterType))) origins._heapOnly.Add(p);
        }
        // Greatest fixpoint: drop a parameter as soon as one call passes it something that may be a known buffer.
        var calls = methods.SelectMany(ctx => ctx.Method.Body.Instructions
                .Where(i => i.OpCode.Code is Code.Call or Code.Callvirt or Code.Newobj && i.Operand is MethodReference)
                .Select(i => (Caller: ctx, Call: i, Callee: Resolve((MethodReference)i.Operand))))
            .Where(c => c.Callee is not null && byMethod.ContainsKey(c.Callee) && c.Callee.Parameters.Any(origins._heapOnly.Contains))
            .ToList();
        for (bool changed = true; changed;)
        {
            changed = false;
            foreach (var (caller, call, callee) in calls)
            {
                for (int k = 0; k < callee!.Parameters.Count; k++)
                {
                    var parameter = callee.Parameters[k];
                    if (!origins._heapOnly.Contains(parameter)) continue;
                    int depth = callee.Parameters.Count - 1 - k;
                    if (origins.Of(caller, caller.Provenance.ProducerOf(call, depth)) == PointerOrigin.Unbindable) continue;
                    origins._heapOnly.Remove(parameter);
                    changed = true;
                }
            }
        }
        return origins;
    }

    /// <summary>The origin of the pointer pushed by <paramref name="producer"/> in <paramref name="ctx"/>'s method.</summary>
    public PointerOrigin Of(MethodContext ctx, Instruction? producer) => Of(ctx, producer, [], 0);

    PointerOrigin Of(MethodContext ctx, Instruction? producer, HashSet<VariableDefinition> visiting, int hops)
    {
        while (producer is not null && hops++ < MaxHops)
        {
            switch (producer.OpCode.Code)
            {
                case Code.Conv_U or Code.Conv_I or Code.Conv_U8 or Code.Conv_I8 when IsNullConstant(producer):
                case Code.Ldnull or Code.Ldelema:
                    return PointerOrigin.Unbindable;
                case Code.Localloc:
                // Under address,memory the memory shadow pass (first) has already turned localloc into this call.
                case Code.Call when producer.Operand is MethodReference { Name: "Alloc", DeclaringType.FullName: Pipeline.AssemblyRewriter.CheckedMemoryStack }:
                    return PointerOrigin.OwnStack;
                case Code.Conv_U or Code.Conv_I or Code.Conv_U8 or Code.Conv_I8:
                    producer = ctx.Provenance.ProducerOf(producer, 0);
                    break;
                case Code.Add or Code.Sub:
                    producer = ctx.Provenance.ProducerOf(producer, 1);
                    break;
                case Code.Call when producer.Operand is MethodReference callee:
                    string name = $"{callee.DeclaringType.FullName}::{callee.Name}";
                    if (s_allocators.Contains(name)) return PointerOrigin.Unbindable;
                    if (!s_passThrough.Contains(name) || callee.Parameters.Count == 0) return PointerOrigin.MayBeKnown;
                    producer = ctx.Provenance.ProducerOf(producer, callee.Parameters.Count - 1);
                    break;
                case Code.Ldarg when producer.Operand is ParameterDefinition parameter:
                    return _heapOnly.Contains(parameter) ? PointerOrigin.Unbindable : PointerOrigin.MayBeKnown;
                case Code.Ldloc when producer.Operand is VariableDefinition local:
                    return OfLocal(ctx, local, visiting, hops);
                default:
                    return PointerOrigin.MayBeKnown;
            }
        }
        return PointerOrigin.MayBeKnown;
    }

    /// <summary>A local's origin: the least favourable of the values stored into it.</summary>
    PointerOrigin OfLocal(MethodContext ctx, VariableDefinition local, HashSet<VariableDefinition> visiting, int hops)
    {
        if (ctx.Buffers.Locals.IsAddressTaken(local) || !visiting.Add(local)) return PointerOrigin.MayBeKnown;
        var stores = ctx.Buffers.Locals.Of(local);
        var result = stores.Count == 0 ? PointerOrigin.MayBeKnown : PointerOrigin.Unbindable;
        foreach (var store in stores)
        {
            // p = p + n keeps p's origin; any other store decides.
            if (ctx.Provenance.ProducerOf(store, 0) is { } value && Root(ctx, value) is { OpCode.Code: Code.Ldloc, Operand: var self } && ReferenceEquals(self, local)) continue;
            var origin = Of(ctx, ctx.Provenance.ProducerOf(store, 0), visiting, hops);
            if (origin > result) result = origin;
        }
        visiting.Remove(local);
        return result;
    }

    static Instruction? Root(MethodContext ctx, Instruction value)
    {
        for (int hops = 0; value is { OpCode.Code: Code.Add or Code.Sub or Code.Conv_U or Code.Conv_I } && hops < MaxHops; hops++)
            value = ctx.Provenance.ProducerOf(value, value.OpCode.Code is Code.Add or Code.Sub ? 1 : 0)!;
        return value;
    }

    static bool IsNullConstant(Instruction conversion) => conversion.Previous is { OpCode.Code: Code.Ldc_I4, Operand: 0 } or { OpCode.Code: Code.Ldc_I8, Operand: 0L };

    static bool IsVisibleOutside(MethodDefinition method)
    {
        if (!(method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly)) return false;
        for (var type = method.DeclaringType; type is not null; type = type.DeclaringType)
            if (!(type.IsPublic || type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamilyOrAssembly)) return false;
        return true;
    }

    static bool IsPointer(TypeReference type) => type.IsPointer || type.IsByReference;

    static MethodDefinition? Resolve(MethodReference reference)
    {
        try { return reference.GetElementMethod().Resolve(); }
        catch (AssemblyResolutionException) { return null; }
    }
}
