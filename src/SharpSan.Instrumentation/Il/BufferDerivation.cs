using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SharpSan.Instrumentation.Il;

public enum BufferKind { FixedBuffer, InlineArray }

/// <summary>What holds a buffer: a static field (a global), a local of the method, or memory reached through a pointer or object.</summary>
public enum EnclosingKind { Object = 0, Static = 1, Local = 2 }

/// <summary>A buffer whose length the metadata gives: a C# fixed buffer or an [InlineArray] struct.</summary>
public sealed record KnownBuffer(BufferKind Kind, int Bytes, string Name)
{
    /// <summary>"16-byte fixed buffer 'Demo.Packet.Name'", as reports print it.</summary>
    public string Description => $"{Bytes}-byte {(Kind == BufferKind.FixedBuffer ? "fixed buffer" : "inline array")} '{Name}'";
}

/// <summary>The outermost struct around a buffer whose layout is known: the buffer starts <see cref="BufferOffset"/> bytes into it.</summary>
public sealed record Enclosing(EnclosingKind Kind, int BufferOffset, int Bytes, string Name);

/// <summary>
/// An address derived from a known buffer: <see cref="Base"/> pushes the buffer's start; <see cref="HasArithmetic"/> says
/// whether an offset that the compiler did not check was added on the way to the access.
/// </summary>
public sealed record BufferPath(Instruction Base, KnownBuffer Buffer, bool HasArithmetic, Enclosing? Enclosing);

/// <summary>
/// Follows an address back (within a block, and through pointer locals written once) through conversions, pointer
/// arithmetic, <c>Unsafe.Add/Subtract/AddByteOffset/As/AsRef/AsPointer</c> and the C# compiler's inline-array helpers to
/// the instruction that produced a known buffer's start: <c>ldflda FixedElementField</c> of a fixed buffer, or the
/// address of an [InlineArray] field, static, local or element field. Then it follows the buffer's container outwards
/// (struct fields, up to a static or a local) to learn the enclosing struct's bounds.
/// </summary>
public sealed class BufferDerivation(MethodDefinition method, AddressProvenance provenance)
{
    const int MaxHops = 24;
    const string PrivateImplementationDetails = "<PrivateImplementationDetails>";
    readonly LocalStores _locals = new(method.Body);

    /// <summary>Where the method's locals are written (as the body was when this was made).</summary>
    public LocalStores Locals => _locals;

    /// <summary>
    /// False when no instruction of <paramref name="body"/> can push a known buffer's start (no fixed buffer's element
    /// field, no [InlineArray] field, local or element): <see cref="Resolve"/> would find nothing, so passes skip the
    /// method without following any address back (most methods of a large assembly).
    /// </summary>
    public static bool MayDeriveBuffer(MethodBody body)
    {
        foreach (var i in body.Instructions)
        {
            switch (i.OpCode.Code, i.Operand)
            {
                case (Code.Ldflda, FieldReference { Name: "FixedElementField" }):
                    return true;
                case (Code.Ldflda or Code.Ldsflda, FieldReference field) when InlineArray(field.FieldType) is not null || InlineArray(field.DeclaringType) is not null:
                    return true;
                case (Code.Ldloca or Code.Ldloca_S, VariableDefinition local) when InlineArray(local.VariableType) is not null:
                    return true;
            }
        }
        return false;
    }

    /// <summary>The buffer the address pushed by <paramref name="producer"/> was derived from, or null.</summary>
    public BufferPath? Resolve(Instruction? producer)
    {
        bool arithmetic = false;
        for (int hops = 0; producer is not null && hops < MaxHops; hops++)
        {
            switch (producer.OpCode.Code)
            {
                case Code.Conv_U or Code.Conv_I or Code.Conv_U8 or Code.Conv_I8:
                    producer = provenance.ProducerOf(producer, 0);
                    break;
                case Code.Add or Code.Sub:
                    arithmetic = true;
                    producer = provenance.ProducerOf(producer, 1);   // C# puts the pointer on the left
                    break;
                case Code.Call when producer.Operand is MethodReference callee:
                    if (Step(producer, callee) is not { } step) return null;
                    arithmetic |= step.Moves;
                    producer = provenance.ProducerOf(producer, step.Depth);
                    break;
                case Code.Ldloc when producer.Operand is VariableDefinition local && IsAddress(local.VariableType):
                    producer = _locals.SingleStore(local) is { } store ? provenance.ProducerOf(store, 0) : null;
                    break;
                case Code.Ldflda or Code.Ldsflda or Code.Ldloca:
                    return Base(producer) is { } found ? new BufferPath(producer, found.Buffer, arithmetic, EnclosingOf(found.Container)) : null;
                default:
                    return null;
            }
        }
        return null;
    }

    /// <summary>For a call on the way back: (operand depth of the incoming address, whether it adds a variable offset).</summary>
    (int Depth, bool Moves)? Step(Instruction call, MethodReference callee)
    {
        string type = callee.DeclaringType.FullName;
        if (type == "System.Runtime.CompilerServices.Unsafe")
        {
            bool fromAddress = callee.Parameters.Count > 0 && IsAddress(callee.Parameters[0].ParameterType);
            return callee.Name switch
            {
                "Add" or "Subtract" or "AddByteOffset" or "SubtractByteOffset" when callee.Parameters.Count == 2 && fromAddress => (1, true),
                "As" or "AsRef" or "AsPointer" when callee.Parameters.Count == 1 && fromAddress => (0, false),
                _ => null,
            };
        }
        if (type != PrivateImplementationDetails) return null;
        return callee.Name switch
        {
            "InlineArrayFirstElementRef" or "InlineArrayFirstElementRefReadOnly" => (0, false),
            // The compiler emits a constant index it has checked; any other index is unchecked arithmetic.
            "InlineArrayElementRef" or "InlineArrayElementRefReadOnly" => (1, provenance.ProducerOf(call, 0) is not { OpCode.Code: Code.Ldc_I4 }),
            _ => null,
        };
    }

    /// <summary>(the buffer, the instruction that pushed the address of the field or variable that is the buffer), or null.</summary>
    (KnownBuffer Buffer, Instruction Container)? Base(Instruction producer)
    {
        switch (producer.Operand)
        {
            case FieldReference { Name: "FixedElementField" } element when producer.OpCode.Code == Code.Ldflda:
                // <Name>e__FixedBuffer.FixedElementField: the buffer is the owner's field of that holder type.
                if (provenance.ProducerOf(producer, 0) is not { OpCode.Code: Code.Ldflda, Operand: FieldReference holderField } holder) return null;
                if (Resolve(holderField) is not { } definition || TypeLayout.FixedBuffer(definition) is not { } declared) return null;
                return TypeLayout.Of(declared.Element) is { } e && element.DeclaringType.Name == holderField.FieldType.Name
                    ? (new KnownBuffer(BufferKind.FixedBuffer, e.Size * declared.Length, NameOf(holderField)), holder) : null;
            case FieldReference field when InlineArray(field.FieldType) is { } bytes:
                return (new KnownBuffer(BufferKind.InlineArray, bytes, NameOf(field)), producer);
            case FieldReference element when producer.OpCode.Code == Code.Ldflda && InlineArray(element.DeclaringType) is { } bytes
                                             && TypeLayout.InlineArrayElement(element.DeclaringType)?.Name == element.Name:
                // `ldflda _element0`: name the buffer after the field or variable that holds the inline array, if visible.
                var outer = provenance.ProducerOf(producer, 0);
                bool named = outer?.Operand is FieldReference f && f.FieldType.FullName == element.DeclaringType.FullName
                    || outer?.Operand is VariableDefinition v && v.VariableType.FullName == element.DeclaringType.FullName;
                return named
                    ? (new KnownBuffer(BufferKind.InlineArray, bytes, NameOf(outer!)), outer!)
                    : (new KnownBuffer(BufferKind.InlineArray, bytes, Display(element.DeclaringType)), producer);
            case VariableDefinition local when InlineArray(local.VariableType) is { } bytes:
                return (new KnownBuffer(BufferKind.InlineArray, bytes, LocalName(local)), producer);
            default:
                return null;
        }
    }

    /// <summary>
    /// Walks from the buffer's own field outwards through struct fields. The enclosing region is the outermost struct
    /// whose layout is known; a static or a local at the root makes it a global or a stack variable.
    /// </summary>
    Enclosing? EnclosingOf(Instruction container)
    {
        int offset = 0;
        Enclosing? outermost = null;
        var current = container;
        for (int hops = 0; current is not null && hops < MaxHops; hops++)
        {
            switch (current.OpCode.Code, current.Operand)
            {
                case (Code.Ldsflda, FieldReference global):
                    return TypeLayout.Of(global.FieldType) is { } g ? new Enclosing(EnclosingKind.Static, offset, g.Size, NameOf(global)) : outermost;
                case (Code.Ldloca, VariableDefinition local):
                    return TypeLayout.Of(local.VariableType) is { } l ? new Enclosing(EnclosingKind.Local, offset, l.Size, LocalName(local)) : outermost;
                case (Code.Ldflda, FieldReference field):
                    if (TypeLayout.OffsetOf(field) is not int at || TypeLayout.Of(field.DeclaringType) is not { } owner) return outermost;
                    offset += at;
                    outermost = new Enclosing(EnclosingKind.Object, offset, owner.Size, Display(field.DeclaringType));
                    current = provenance.ProducerOf(current, 0);
                    break;
                default:
                    return outermost;
            }
        }
        return outermost;
    }

    static int? InlineArray(TypeReference type) =>
        TypeLayout.InlineArrayLength(type) is not null && TypeLayout.Of(type) is { } shape ? shape.Size : null;

    string NameOf(Instruction addressOf) => addressOf.Operand switch
    {
        FieldReference field => NameOf(field),
        VariableDefinition local => LocalName(local),
        _ => addressOf.ToString(),
    };

    static string NameOf(FieldReference field) => $"{Display(field.DeclaringType)}.{field.Name}";

    string LocalName(VariableDefinition local) =>
        method.DebugInformation.TryGetName(local, out var name) ? name : $"V_{local.Index}";

    static string Display(TypeReference type) => type.FullName.Replace('/', '.');

    static bool IsAddress(TypeReference type) => type.IsPointer || type.IsByReference || type is PinnedType { ElementType: var e } && IsAddress(e)
        || type.MetadataType is MetadataType.IntPtr or MetadataType.UIntPtr;

    static FieldDefinition? Resolve(FieldReference field)
    {
        try { return field.Resolve(); }
        catch (AssemblyResolutionException) { return null; }
    }
}
