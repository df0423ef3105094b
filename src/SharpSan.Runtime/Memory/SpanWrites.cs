using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SharpSan.Runtime.Memory;

/// <summary>
/// A writable span handed to a member outside the checked code that no interceptor models (Span&lt;T&gt;.Fill,
/// MemoryExtensions.Sort, an encoder writing into it): the member may write any of its elements and the shadow cannot
/// see how, so the span's bytes are taken as defined — an unknown member never leaves a stale shadow that would turn
/// into a report later (as arrays handed out escape their side table).
/// </summary>
public static unsafe class SpanWrites
{
    const string Site = "MemorySanitizer.SpanWrite";

    public static void Define<T>(Span<T> span)
    {
        if (span.IsEmpty) return;
        try
        {
            Common.InternalErrors.Inject(Site);
            DefinednessShadow.Unpoison((nuint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(span)), (nuint)span.Length * (nuint)Unsafe.SizeOf<T>());
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e))
        {
        }
    }
}
