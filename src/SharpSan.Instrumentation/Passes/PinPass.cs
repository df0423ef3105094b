using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Instrumentation.Il;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Passes;

/// <summary>
/// use-after-unpin for C# <c>fixed</c> statements: every store into a pinned local tells the runtime what is pinned
/// from now on, and the store that clears it at the end of the block (<c>ldnull</c> / <c>ldc.i4.0; conv.u</c>) that
/// the pin ended; the runtime then poisons the object until it moves or is pinned again.
/// <code>
///   pinned object local (fixed over an array):
///     stloc V                      →  dup; ldloc V; site; call PinChecks.Releasing(new, old, site); stloc T; stloc V;
///                                     ldloc T; site; call PinChecks.Holding(T, site)
///   pinned reference local (fixed over &amp;a[i], a string, a span), with an object companion C:
///     ldloc a … ldelema; stloc V    →  ldloc a; dup; stloc C … ldelema; stloc V; ldloc C; ldloc V; conv.u; site; call PinReference
///     ldc.i4.0; conv.u; stloc V     →  ldnull; ldloc C; site; call Exchange; ldnull; stloc C; ldc.i4.0; conv.u; stloc V
///   a reference pin whose pointers never outlive the block (<see cref="PinConfinedPointers"/>), with a known owner:
///     … stloc V; ldloc C; ldloc V; conv.u; site; call PinConfined; stloc C   (C: the owner if recorded, else null)
/// </code>
/// The owner of a reference pin is known for <c>ldelema</c> (the array), <c>ldflda</c> of a class's field (the object),
/// <c>string.GetPinnableReference</c> and a span local made here from an array or string (<see cref="SpanOwnerProducer"/>);
/// other reference pins (spans from elsewhere) only release poison where they point, so they are not checked after
/// they end. A span
/// pin goes through PinChecks.SpanPinnableReference, which releases the poison under the whole span.
/// Memory&lt;T&gt;.Pin is intercepted; disposing its MemoryHandle (<c>using</c>: <c>constrained. MemoryHandle callvirt
/// IDisposable::Dispose</c>, or a direct call) is preceded by <c>dup; site; call PinChecks.MemoryHandleDisposing</c>.
/// </summary>
public sealed class PinPass : IInstrumentationPass
{
    const string Pins = "SharpSan.Runtime.Address.Pins.PinChecks";

    public string Name => "pin";

    public void Run(MethodContext ctx)
    {
        var body = ctx.Method.Body;
        foreach (var dispose in body.Instructions.Where(IsMemoryHandleDispose).ToArray())
        {
            var at = dispose.Previous is { OpCode.Code: Code.Constrained } prefix ? prefix : dispose;
            var placeholder = Instruction.Create(OpCodes.Nop);
            var moved = ctx.Editor.InsertBefore(at, [Instruction.Create(OpCodes.Dup), placeholder, Instruction.Create(OpCodes.Call, ctx.Module.Entry(Pins, "MemoryHandleDisposing"))]);
            SetSite(ctx, placeholder, moved);
            ctx.NeedsFrame = true;
            ctx.Changed = true;
        }
        var pinned = body.Variables.Where(v => v.VariableType.IsPinned).ToHashSet();
        if (pinned.Count == 0) return;
        var confined = new PinConfinedPointers(body, ctx.Provenance, ctx.Editor.Inserted.Contains);
        foreach (var local in pinned)
            ctx.AccessesInsideTheirPin.UnionWith(confined.AccessesThrough(local));
        var companions = new Dictionary<VariableDefinition, VariableDefinition>();
        foreach (var store in body.Instructions.ToArray())
        {
            if (ctx.Editor.Inserted.Contains(store) || StoredLocal(store, body) is not { } local || !pinned.Contains(local)) continue;
            if (((PinnedType)local.VariableType).ElementType.IsByReference)
            {
                InstrumentReferenceStore(ctx, store, local, CompanionOf(ctx, local, companions), confined.IsConfined(local));
            }
            else if (confined.IsConfined(local))
            {
                InstrumentConfinedObjectStore(ctx, store, local, CompanionOf(ctx, local, companions));
            }
            else
            {
                InstrumentObjectStore(ctx, store, local);
            }
            ctx.NeedsFrame = true;
            ctx.Changed = true;
        }
        foreach (var ret in body.Instructions.Where(i => i.OpCode.Code == Code.Ret && !ctx.Editor.Inserted.Contains(i)).ToArray())
            UnpinAllBefore(ctx, ret, pinned, companions);
        UnpinAllOnExceptionalExit(ctx, pinned, companions);
    }

    /// <summary>
    /// An exception leaving the method inside a fixed block (no finally clears the pinned local) ends the pin with the
    /// frame: the shadow call stack pass's fault handler unpins every pinned local that still holds something. The
    /// unpin's stack is the frame's last call site (the call the exception came out of).
    /// </summary>
    static void UnpinAllOnExceptionalExit(MethodContext ctx, HashSet<VariableDefinition> pinned, Dictionary<VariableDefinition, VariableDefinition> companions)
    {
        foreach (var local in pinned.OrderBy(v => v.Index))
        {
            if (HolderOf(local, companions) is not { } holder) continue;
            ctx.OnExceptionalExit.AddRange([Instruction.Create(OpCodes.Ldnull), Instruction.Create(OpCodes.Ldloc, holder),
                Instruction.Create(OpCodes.Ldc_I4, -1), Instruction.Create(OpCodes.Call, ctx.Module.Entry(Pins, "Exchange"))]);
        }
    }

    /// <summary>
    /// <c>return</c> inside a fixed block leaves without clearing the pinned local: the frame's end is the unpin.
    /// (An exception leaving the method ends its pins in the frame's fault handler: <see cref="UnpinAllOnExceptionalExit"/>.)
    /// </summary>
    static void UnpinAllBefore(MethodContext ctx, Instruction ret, HashSet<VariableDefinition> pinned, Dictionary<VariableDefinition, VariableDefinition> companions)
    {
        if (ret.Previous is { } call && IsTailCall(call)) return;
        var code = new List<Instruction>();
        var placeholders = new List<Instruction>();
        foreach (var local in pinned.OrderBy(v => v.Index))
        {
            if (HolderOf(local, companions) is not { } holder) continue;
            var placeholder = Instruction.Create(OpCodes.Nop);
            placeholders.Add(placeholder);
            code.AddRange([Instruction.Create(OpCodes.Ldnull), Instruction.Create(OpCodes.Ldloc, holder), placeholder, Instruction.Create(OpCodes.Call, ctx.Module.Entry(Pins, "Exchange"))]);
        }
        if (code.Count == 0) return;
        var moved = ctx.Editor.InsertBefore(ret, code);
        foreach (var placeholder in placeholders) SetSite(ctx, placeholder, moved);
    }

    /// <summary>
    /// The local whose object a frame's end must unpin: a pinned object local's own value, unless it is confined
    /// (then, like a reference pin's, its companion: the owner if the pin was recorded, else null).
    /// </summary>
    static VariableDefinition? HolderOf(VariableDefinition local, Dictionary<VariableDefinition, VariableDefinition> companions) =>
        companions.TryGetValue(local, out var companion) ? companion
        : ((PinnedType)local.VariableType).ElementType.IsByReference ? null : local;

    static VariableDefinition CompanionOf(MethodContext ctx, VariableDefinition local, Dictionary<VariableDefinition, VariableDefinition> companions)
    {
        if (!companions.TryGetValue(local, out var companion))
        {
            companion = new VariableDefinition(ctx.Module.Module.TypeSystem.Object);
            ctx.Method.Body.Variables.Add(companion);
            companions[local] = companion;
        }
        return companion;
    }

    const string MemoryHandle = "System.Buffers.MemoryHandle";

    static bool IsMemoryHandleDispose(Instruction i) => i.Operand is MethodReference { Name: "Dispose", Parameters.Count: 0 } m && i.OpCode.Code switch
    {
        Code.Call => m.DeclaringType.FullName == MemoryHandle,
        Code.Callvirt => m.DeclaringType.FullName == "System.IDisposable" && i.Previous is { OpCode.Code: Code.Constrained, Operand: TypeReference { FullName: MemoryHandle } },
        _ => false,
    };

    /// <summary><c>call Span&lt;T&gt;::GetPinnableReference</c> → PinChecks.SpanPinnableReference&lt;T&gt; (same stack: the span's address in, a reference out).</summary>
    static void RedirectSpanPin(MethodContext ctx, Instruction value)
    {
        if (value.OpCode.Code != Code.Call || value.Operand is not MethodReference { Name: "GetPinnableReference", DeclaringType: GenericInstanceType span }) return;
        string? replacement = span.ElementType.FullName switch
        {
            "System.Span`1" => "SpanPinnableReference",
            "System.ReadOnlySpan`1" => "ReadOnlySpanPinnableReference",
            _ => null,
        };
        if (replacement is null) return;
        var helper = new GenericInstanceMethod(ctx.Module.Entry(Pins, replacement));
        helper.GenericArguments.Add(span.GenericArguments[0]);
        value.Operand = helper;
    }

    static bool IsTailCall(Instruction call) => call.Previous is { OpCode.Code: Code.Tail };

    /// <summary>
    /// The old object is unpinned before the store (it is still pinned then, so its address is the one its record
    /// has) and the new one pinned after it: before the store the new object is only on the evaluation stack, and a
    /// GC on another thread could move it between the pin's address and the store — its poison would stay where it
    /// now lives and the fixed block's own accesses would meet it.
    /// </summary>
    static void InstrumentObjectStore(MethodContext ctx, Instruction store, VariableDefinition local)
    {
        var toPin = new VariableDefinition(ctx.Module.Module.TypeSystem.Object);
        ctx.Method.Body.Variables.Add(toPin);
        var before = Instruction.Create(OpCodes.Nop);
        var moved = ctx.Editor.InsertBefore(store,
        [
            Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Ldloc, local), before,
            Instruction.Create(OpCodes.Call, ctx.Module.Entry(Pins, "Releasing")), Instruction.Create(OpCodes.Stloc, toPin),
        ]);
        SetSite(ctx, before, moved);
        var after = ctx.SiteOf(moved);
        ctx.Editor.InsertAfter(moved, [Instruction.Create(OpCodes.Ldloc, toPin), after, Instruction.Create(OpCodes.Call, ctx.Module.Entry(Pins, "Holding"))]);
    }

    /// <summary>
    /// A confined pinned object local (<see cref="PinConfinedPointers"/>): after a pin, PinConfined records it only if
    /// unpin poison lies in the object, and the companion remembers whether; the end unpins only a recorded pin.
    /// </summary>
    static void InstrumentConfinedObjectStore(MethodContext ctx, Instruction store, VariableDefinition local, VariableDefinition companion)
    {
        var value = ctx.Provenance.ProducerOf(store, 0);
        if (value is not null && IsUnpin(ctx, value))
        {
            UnpinCompanionBefore(ctx, store, companion);
            return;
        }
        ctx.Editor.InsertAfter(store,
        [
            Instruction.Create(OpCodes.Ldloc, local), Instruction.Create(OpCodes.Ldc_I4_0), Instruction.Create(OpCodes.Conv_U),
            ctx.SiteOf(store.Next ?? store), Instruction.Create(OpCodes.Call, ctx.Module.Entry(Pins, "PinConfined")),
            Instruction.Create(OpCodes.Stloc, companion),
        ]);
    }

    /// <summary>Before the store that ends a pin: unpin what the companion holds (nothing if the pin was not recorded) and clear it.</summary>
    static void UnpinCompanionBefore(MethodContext ctx, Instruction store, VariableDefinition companion)
    {
        var placeholder = Instruction.Create(OpCodes.Nop);
        var moved = ctx.Editor.InsertBefore(store,
        [
            Instruction.Create(OpCodes.Ldnull), Instruction.Create(OpCodes.Ldloc, companion), placeholder,
            Instruction.Create(OpCodes.Call, ctx.Module.Entry(Pins, "Exchange")),
            Instruction.Create(OpCodes.Ldnull), Instruction.Create(OpCodes.Stloc, companion),
        ]);
        SetSite(ctx, placeholder, moved);
    }

    static void InstrumentReferenceStore(MethodContext ctx, Instruction store, VariableDefinition local, VariableDefinition companion, bool confined)
    {
        var value = ctx.Provenance.ProducerOf(store, 0);
        if (value is not null && IsUnpin(ctx, value))
        {
            UnpinCompanionBefore(ctx, store, companion);
            return;
        }
        var owner = value is null ? null : OwnerProducer(ctx, value);   // before the redirect: it reads the span call
        if (value is not null) RedirectSpanPin(ctx, value);
        if (owner is not null)
            ctx.Editor.InsertAfter(owner, [Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Stloc, companion)]);
        var after = new List<Instruction>();
        if (owner is null) after.AddRange([Instruction.Create(OpCodes.Ldnull), Instruction.Create(OpCodes.Stloc, companion)]);
        after.AddRange(
        [
            Instruction.Create(OpCodes.Ldloc, companion), Instruction.Create(OpCodes.Ldloc, local), Instruction.Create(OpCodes.Conv_U),
            // The address computation often has no sequence point of its own (Roslyn files it under the previous
            // line); the instruction after the store starts the fixed statement's line.
            ctx.SiteOf(store.Next ?? store),
        ]);
        if (confined && owner is not null)   // recorded only if unpin poison lies there (the companion then holds the owner)
            after.AddRange([Instruction.Create(OpCodes.Call, ctx.Module.Entry(Pins, "PinConfined")), Instruction.Create(OpCodes.Stloc, companion)]);
        else
            after.Add(Instruction.Create(OpCodes.Call, ctx.Module.Entry(Pins, "PinReference")));
        ctx.Editor.InsertAfter(store, after);
    }

    /// <summary>The end of a fixed block stores a null reference: <c>ldc.i4.0; conv.u</c> (or <c>ldnull</c>).</summary>
    static bool IsUnpin(MethodContext ctx, Instruction value) => value.OpCode.Code switch
    {
        Code.Ldnull => true,
        Code.Conv_U or Code.Conv_I => ctx.Provenance.ProducerOf(value, 0) is { } zero && IsZero(zero),
        _ => IsZero(value),
    };

    // Bodies are read with macros expanded: ldc.i4.0 arrives as ldc.i4 0.
    static bool IsZero(Instruction i) => i.OpCode.Code == Code.Ldc_I4_0 || i.OpCode.Code == Code.Ldc_I4 && i.Operand is 0;

    /// <summary>The instruction that pushed the array or string a reference pin points into, when it is visible.</summary>
    static Instruction? OwnerProducer(MethodContext ctx, Instruction value) => value.OpCode.Code switch
    {
        Code.Ldelema => ctx.Provenance.ProducerOf(value, 1),
        Code.Ldflda => FieldOwnerProducer(ctx, value),
        Code.Call or Code.Callvirt when value.Operand is MethodReference { Name: "GetPinnableReference", DeclaringType.FullName: "System.String" }
            => ctx.Provenance.ProducerOf(value, 0),
        Code.Call when value.Operand is MethodReference { Name: "GetPinnableReference", DeclaringType: GenericInstanceType { ElementType.FullName: "System.Span`1" or "System.ReadOnlySpan`1" } }
            => SpanOwnerProducer(ctx, value),
        _ => null,
    };

    /// <summary>
    /// <c>fixed (T* p = span)</c> where the span is a local made in this method from an array or a string
    /// (<c>array.AsSpan(…)</c>, <c>new Span&lt;T&gt;(array, …)</c>, the implicit conversions, <c>text.AsSpan()</c>): the
    /// instruction that pushed that array or string. A span from anywhere else (a parameter, a field, a stackalloc, a
    /// local stored more than once) has no owner the rewriter can see.
    /// </summary>
    static Instruction? SpanOwnerProducer(MethodContext ctx, Instruction getPinnable)
    {
        var address = ctx.Provenance.ProducerOf(getPinnable, 0);
        if (address is not { OpCode.Code: Code.Ldloca or Code.Ldloca_S, Operand: VariableDefinition span }) return null;
        Instruction? made = null;
        foreach (var i in ctx.Method.Body.Instructions)
        {
            if (ctx.Editor.Inserted.Contains(i)) continue;
            bool stores = StoredLocal(i, ctx.Method.Body) == span
                || i is { OpCode.Code: Code.Call, Operand: MethodReference { Name: ".ctor" } }
                    && ctx.Provenance.ProducerOf(i, ((MethodReference)i.Operand).Parameters.Count) is { OpCode.Code: Code.Ldloca or Code.Ldloca_S } target && target.Operand == span;
            if (!stores) continue;
            if (made is not null) return null;   // stored more than once: which store reached the pin is not known here
            made = i;
        }
        if (made is null) return null;
        var maker = made.OpCode.Code is Code.Call or Code.Newobj ? made : ctx.Provenance.ProducerOf(made, 0);
        // ReadOnlySpan<T> r = array.AsSpan(…): the Span made first, then converted.
        while (maker is { OpCode.Code: Code.Call, Operand: MethodReference { Name: "op_Implicit", Parameters: [{ ParameterType: GenericInstanceType { ElementType.FullName: "System.Span`1" } }] } })
            maker = ctx.Provenance.ProducerOf(maker, 0);
        if (maker is not { OpCode.Code: Code.Call or Code.Newobj, Operand: MethodReference method } || method.Parameters.Count == 0) return null;
        var source = method.Parameters[0].ParameterType;
        if (source is GenericParameter || !(source.IsArray || source.FullName == "System.String")) return null;
        bool spanMaker = method.Name switch
        {
            ".ctor" or "op_Implicit" => method.DeclaringType.GetElementType().FullName is "System.Span`1" or "System.ReadOnlySpan`1" || method.DeclaringType.FullName == "System.String",
            "AsSpan" => method.DeclaringType.FullName == "System.MemoryExtensions",
            _ => false,
        };
        return spanMaker ? ctx.Provenance.ProducerOf(maker, method.Parameters.Count - 1) : null;
    }

    /// <summary>
    /// <c>&amp;obj.a.b</c>: <c>ldflda a; ldflda b</c> — down the struct fields to the first field of a class, whose
    /// object is the owner (a field of a struct held elsewhere has no object to pin).
    /// </summary>
    static Instruction? FieldOwnerProducer(MethodContext ctx, Instruction value)
    {
        for (var at = value; at is { OpCode.Code: Code.Ldflda, Operand: FieldReference field }; at = ctx.Provenance.ProducerOf(at, 0))
        {
            bool? inStruct;
            try { inStruct = field.DeclaringType.Resolve()?.IsValueType; } catch (AssemblyResolutionException) { inStruct = null; }
            if (inStruct is null) return null;
            if (inStruct == false) return ctx.Provenance.ProducerOf(at, 0);
        }
        return null;
    }

    static void SetSite(MethodContext ctx, Instruction placeholder, Instruction target)
    {
        var site = ctx.SiteOf(target);
        ctx.Editor.Processor.Replace(placeholder, site);
        ctx.Editor.Inserted.Add(site);
    }

    static VariableDefinition? StoredLocal(Instruction i, MethodBody body) => i.OpCode.Code switch
    {
        Code.Stloc_0 => body.Variables[0],
        Code.Stloc_1 => body.Variables[1],
        Code.Stloc_2 => body.Variables[2],
        Code.Stloc_3 => body.Variables[3],
        Code.Stloc or Code.Stloc_S => (VariableDefinition)i.Operand,
        _ => null,
    };
}
