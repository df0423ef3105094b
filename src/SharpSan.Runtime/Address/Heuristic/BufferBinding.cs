using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Address.Heuristic;

/// <summary>
/// SGCheck's heuristic, runtime side: the buffer one access instruction is bound to in one method activation, kept by
/// the instrumented method in a local of this type (two words, so the JIT keeps it in registers). The fast path is
/// <c>(nuint)p - lo &gt; limit</c>: <c>limit</c> is the buffer's size minus the access size, so any access that does not
/// fit the bound buffer takes the slow path. Unbound is lo = limit = 0 (every access misses, and the first one binds);
/// bound to everything is lo = 0, limit = max (nothing misses again).
/// </summary>
public readonly struct BufferBinding
{
    internal readonly nuint Lo;
    internal readonly nuint Limit;

    internal BufferBinding(nuint lo, nuint limit)
    {
        Lo = lo;
        Limit = limit;
    }

    /// <summary>What an access with no buffer to watch is bound to: it never misses again in this activation.</summary>
    internal static BufferBinding Everything => new(0, nuint.MaxValue);

    internal bool IsUnbound => Lo == 0 && Limit == 0;

    /// <summary>The state of every site at method entry (locals are not zeroed under [SkipLocalsInit]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static BufferBinding Unbound() => default;

    /// <summary>Checks an access of <paramref name="size"/> bytes at <paramref name="p"/> against the site's binding; returns the binding to keep.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe BufferBinding Access(void* p, BufferBinding binding, int size, int site, bool isWrite) =>
        (nuint)p - binding.Lo > binding.Limit ? Miss((nuint)p, binding, size, site, isWrite) : binding;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static BufferBinding Miss(nuint p, BufferBinding binding, int size, int site, bool isWrite)
    {
        if (!BindingViolation.Enabled) return Everything;
        return binding.IsUnbound ? Bind(p, size) : BindingViolation.Check(p, binding, size, site, isWrite);
    }

    /// <summary>The first access of a site in this activation: bind to the known buffer it lies in, if it fits there.</summary>
    internal static BufferBinding Bind(nuint p, int size)
    {
        if (BindingTarget.Containing(p) is not { } target || p - target.Begin + (nuint)size > target.Bytes) return Everything;
        return new BufferBinding(target.Begin, target.Bytes - (nuint)size);
    }
}
