using SharpSan.Runtime.Address.Errors;
using SharpSan.Runtime.Address.Globals;
using SharpSan.Runtime.Address.Stack;

namespace SharpSan.Runtime.Address.Heuristic;

/// <summary>
/// Decides what a bound access that left its buffer means. Reported: an access bound to an escaped fixed buffer or
/// [InlineArray] that lands elsewhere in the struct around it (intra-object-overflow), and an access bound to a stack
/// buffer or global that lands inside another known stack buffer or global, having jumped over the redzones
/// (stack-buffer-overflow / global-buffer-overflow). Anything else — the shadow already objects, or the access went to
/// memory with no known bounds (the heap, another object) — is not reported, and the site stops being checked for the
/// rest of the activation: the instruction evidently does not stick to one buffer, which is where the heuristic
/// misfires.
/// </summary>
internal static class BindingViolation
{
    /// <summary>The <c>sgcheck_heuristic</c> option.</summary>
    public static readonly bool Enabled = SanitizerRuntime.Options.GetBool("sgcheck_heuristic");

    public static BufferBinding Check(nuint p, BufferBinding binding, int size, int site, bool isWrite)
    {
        if (ShadowMemory.FirstBadAddress(p, (nuint)size) != 0) return BufferBinding.Everything;   // the shadow check reports it
        if (BindingTarget.Exactly(binding.Lo, binding.Limit + (nuint)size) is not { } bound) return BufferBinding.Everything;
        if (Describe(p, size, bound) is { } found)
        {
            found.Lines.Add($"the instruction first accessed {bound.Describe()} in this activation (SGCheck's heuristic: an access instruction " +
                "stays in the buffer it first touches; sgcheck_heuristic=0 turns this check off)");
            SanitizerRuntime.Report(new DescribedAccessError(found.Kind, p, size, isWrite, found.Lines, AddressSanitizer.CaptureForReport(-1, site)));
        }
        return BufferBinding.Everything;
    }

    /// <summary>(kind, description) when the access is an overrun the heuristic reports, else null.</summary>
    static (string Kind, List<string> Lines)? Describe(nuint p, int size, BindingTarget bound)
    {
        if (bound.Kind == TargetKind.Escaped)
        {
            var entry = bound.Escaped!.Value;
            if (!entry.Enclosing.Contains(p, size)) return null;
            return ("intra-object-overflow",
            [
                $"0x{p:x} is located {Located.Relation(p, bound.Begin, bound.Bytes)} {entry.Description} [0x{bound.Begin:x},0x{bound.Begin + bound.Bytes:x}),",
                $"inside {entry.Enclosing.Description} (the neighbouring fields are overwritten; the shadow cannot see this)",
            ]);
        }
        if (BindingTarget.Outer(p) is not { } landing || landing.Begin == bound.Begin) return null;
        return landing.Kind == TargetKind.Stack
            ? ("stack-buffer-overflow", StackBufferDescription.Lines(landing.StackHeader, p))
            : ("global-buffer-overflow", [GlobalRegistry.Line(p, landing.Begin, landing.Bytes, landing.GlobalName!, "static data")]);
    }
}
