using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Address.Heuristic;

/// <summary>
/// SGCheck's heuristic, runtime side: the buffer one access instruction is bound to in one method activation, kept by
/// the instrumented method in a local of this type, zeroed in its prologue. The check is
/// <c>(nuint)p - lo &gt; limit</c>: <c>limit</c> is the buffer's size minus the access size, so any access that does not
/// fit the bound buffer takes the slow path. Unbound is lo = limit = 0 (every access misses, and the first one binds);
/// bound to everything is lo = 0, limit = max (nothing misses again).
/// <para>
/// The local is passed by reference, so it lives in the stack frame and the check reads it from there (two loads that
/// hit L1). Measured on the benchmark kernels with every loop instrumented, that costs 7–14% less than a binding
/// returned by value and kept in two registers, which in tight loops pushes the loop's own variables out of
/// registers (the slow-path call clobbers the caller-saved ones).
/// </para>
/// </summary>
public struct BufferBinding
{
    internal nuint Lo;
    internal nuint Limit;

    internal BufferBinding(nuint lo, nuint limit)
    {
        Lo = lo;
        Limit = limit;
    }

    /// <summary>What an access with no buffer to watch is bound to: it never misses again in this activation.</summary>
    internal static BufferBinding Everything => new(0, nuint.MaxValue);

    internal readonly bool IsUnbound => Lo == 0 && Limit == 0;

    /// <summary>Checks an access of <paramref name="size"/> bytes at <paramref name="p"/> against the site's binding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Access(void* p, ref BufferBinding binding, int size, int site, bool isWrite)
    {
        if ((nuint)p - binding.Lo > binding.Limit) Miss((nuint)p, ref binding, size, site, isWrite);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Miss(nuint p, ref BufferBinding binding, int size, int site, bool isWrite)
    {
        try
        {
            Common.InternalErrors.Inject(MissSite);
            if (!BindingViolation.Enabled) binding = Everything;
            else binding = binding.IsUnbound ? Bind(p, size) : BindingViolation.Check(p, binding, size, site, isWrite);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(MissSite, e))
        {
            binding = Everything;   // this site goes unchecked for the rest of the activation
        }
    }

    const string MissSite = "BufferBinding.Miss";

    /// <summary>The first access of a site in this activation: bind to the known buffer it lies in, if it fits there.</summary>
    internal static BufferBinding Bind(nuint p, int size)
    {
        if (!BindingTarget.TryBoundsContaining(p, out nuint begin, out nuint bytes) || p - begin + (nuint)size > bytes) return Everything;
        return new BufferBinding(begin, bytes - (nuint)size);
    }
}
