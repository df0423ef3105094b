using SharpSan.Runtime.Address.Globals;
using SharpSan.Runtime.Address.Stack;

namespace SharpSan.Runtime.Address.Heuristic;

internal enum TargetKind { Escaped, Stack, Global }

/// <summary>
/// A buffer SharpSan knows the bounds of, which SGCheck's heuristic may bind an access to: an escaped fixed buffer or
/// [InlineArray] (<see cref="EscapedBuffers"/>), a live stackalloc buffer of this thread (the fake stack), or an RVA
/// static blob (<see cref="GlobalRegistry"/>). Never a heap chunk or a managed object: one instruction walking a list
/// of those is normal, and binding it would misfire (the reason SGCheck's predecessor, exp-ptrcheck, was dropped).
/// Kind-specific details: the escaped entry, the stack buffer's header, or the global's name.
/// </summary>
internal readonly record struct BindingTarget(TargetKind Kind, nuint Begin, nuint Bytes, EscapedBuffers.Entry? Escaped, nuint StackHeader, string? GlobalName)
{
    /// <summary>
    /// The bounds of the innermost known buffer containing <paramref name="address"/>: escaped buffers first (they may
    /// sit inside a stack buffer). Bounds only, no target built: binding runs once per bound site and activation, and
    /// copying entries was most of its cost in K4os LZ4 HC.
    /// </summary>
    public static bool TryBoundsContaining(nuint address, out nuint begin, out nuint bytes)
    {
        if (EscapedBuffers.TryBoundsContaining(address, out begin, out bytes)) return true;
        if (FakeStack.LiveContaining(address) is { } s) (begin, bytes) = (s.Begin, s.Size);
        else if (GlobalRegistry.Containing(address) is { } g) (begin, bytes) = (g.Begin, g.Size);
        else return false;
        return true;
    }

    /// <summary>The stack buffer or global containing <paramref name="address"/> (what an overrun can land in).</summary>
    public static BindingTarget? Outer(nuint address)
    {
        if (FakeStack.LiveContaining(address) is { } s) return new BindingTarget(TargetKind.Stack, s.Begin, s.Size, null, s.Header, null);
        if (GlobalRegistry.Containing(address) is { } g) return new BindingTarget(TargetKind.Global, g.Begin, g.Size, null, 0, g.Name);
        return null;
    }

    /// <summary>The known buffer that is exactly [<paramref name="begin"/>, +<paramref name="bytes"/>): what a binding refers to.</summary>
    public static BindingTarget? Exactly(nuint begin, nuint bytes)
    {
        if (EscapedBuffers.Exactly(begin, bytes) is { } e) return FromEscaped(e);
        return Outer(begin) is { } outer && outer.Begin == begin && outer.Bytes == bytes ? outer : null;
    }

    static BindingTarget FromEscaped(EscapedBuffers.Entry e) => new(TargetKind.Escaped, e.Begin, e.Bytes, e, 0, null);

    /// <summary>How reports name the buffer ("16-byte fixed buffer 'Packet.Name' [0x…,0x…)").</summary>
    public string Describe() => Kind switch
    {
        TargetKind.Escaped => $"{Escaped!.Value.Description} [0x{Begin:x},0x{Begin + Bytes:x})",
        TargetKind.Stack => StackBufferDescription.Name(StackHeader),
        _ => $"global variable '{GlobalName}' [0x{Begin:x},0x{Begin + Bytes:x})",
    };
}
