using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Address.Pins;

/// <summary>
/// Entry points for pins in checked code (use-after-unpin). The rewriter calls them where a <c>fixed</c> statement
/// stores into or clears its pinned local (the GCHandle and Memory.Pin interceptors go to <see cref="PinRecords"/> directly).
/// </summary>
public static unsafe class PinChecks
{
    /// <summary>
    /// A pinned object local (<c>fixed (byte* p = array)</c>, over arrays and strings) changes from
    /// <paramref name="oldOwner"/> to <paramref name="newOwner"/>: null → object pins, object → null unpins.
    /// </summary>
    public static void Exchange(object? newOwner, object? oldOwner, int site)
    {
        if (ReferenceEquals(newOwner, oldOwner)) return;
        try
        {
            Common.InternalErrors.Inject(ExchangeSite);
            if (oldOwner is not null) Unpin(oldOwner, site);
            if (newOwner is not null) Pin(newOwner, site);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(ExchangeSite, e, Common.LostTracking.Pins))
        {
            // Unpin poison is no longer trusted (a pin that lifts it may be missing).
        }
    }

    /// <summary>
    /// Before a store into a pinned object local: unpins <paramref name="oldOwner"/> (still pinned by the local) and
    /// returns the object to pin once the store has pinned it (<see cref="Holding"/>), or null.
    /// </summary>
    public static object? Releasing(object? newOwner, object? oldOwner, int site)
    {
        if (ReferenceEquals(newOwner, oldOwner)) return null;
        try
        {
            Common.InternalErrors.Inject(ExchangeSite);
            if (oldOwner is not null) Unpin(oldOwner, site);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(ExchangeSite, e, Common.LostTracking.Pins))
        {
        }
        return newOwner;
    }

    /// <summary>After a store into a pinned object local: <paramref name="owner"/> is pinned at the address it has now.</summary>
    public static void Holding(object? owner, int site)
    {
        if (owner is null) return;
        try
        {
            Common.InternalErrors.Inject(ExchangeSite);
            Pin(owner, site);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(ExchangeSite, e, Common.LostTracking.Pins))
        {
        }
    }

    const string ExchangeSite = "PinChecks.Exchange", PinReferenceSite = "PinChecks.PinReference";

    /// <summary>
    /// A pinned reference local now holds <paramref name="address"/> (<c>fixed (byte* p = &amp;a[i])</c>, over a span or a
    /// string): <paramref name="owner"/> is the array or string when the rewriter could see it, else null.
    /// </summary>
    public static void PinReference(object? owner, void* address, int site)
    {
        try
        {
            Common.InternalErrors.Inject(PinReferenceSite);
            if (owner is not null) Pin(owner, site);
            else if (address != null) PinRecords.PinningAt((nuint)address);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(PinReferenceSite, e, Common.LostTracking.Pins))
        {
        }
    }

    /// <summary>
    /// A pinned reference local now holds <paramref name="address"/> inside <paramref name="owner"/>, and the rewriter
    /// proved that no pointer made from it outlives the block (its accesses ignore unpin poison, which can only be
    /// another pin's): nothing needs recording unless unpin poison lies in the object, left by an earlier pin whose
    /// pointer may still be used. Then the object is pinned as usual, and returned so that the block's end unpins it.
    /// </summary>
    public static object? PinConfined(object? owner, void* address, int site)
    {
        if (owner is null) { PinReference(null, address, site); return null; }
        try
        {
            Common.InternalErrors.Inject(PinReferenceSite);
            if (!PinRecords.HoldsUnpinPoison(owner)) return null;
            Pin(owner, site);
            return owner;
        }
        catch (Exception e) when (Common.InternalErrors.Contain(PinReferenceSite, e, Common.LostTracking.Pins))
        {
            return null;
        }
    }

    /// <summary>
    /// <c>fixed (T* p = span)</c>: replaces the call to Span&lt;T&gt;.GetPinnableReference so that the whole span is
    /// known to be pinned (its memory may overlap the poisoned range of an object the GC moved or freed).
    /// </summary>
    public static ref T SpanPinnableReference<T>(ref Span<T> span)
    {
        ref T first = ref span.GetPinnableReference();
        PinningSpan(Unsafe.AsPointer(ref first), (nuint)span.Length * (nuint)Unsafe.SizeOf<T>());
        return ref first;
    }

    /// <inheritdoc cref="SpanPinnableReference{T}(ref Span{T})"/>
    public static ref readonly T ReadOnlySpanPinnableReference<T>(ref ReadOnlySpan<T> span)
    {
        ref readonly T first = ref span.GetPinnableReference();
        PinningSpan(Unsafe.AsPointer(ref Unsafe.AsRef(in first)), (nuint)span.Length * (nuint)Unsafe.SizeOf<T>());
        return ref first;
    }

    static void PinningSpan(void* address, nuint bytes)
    {
        if (address == null || bytes == 0) return;
        try
        {
            Common.InternalErrors.Inject(PinReferenceSite);
            PinRecords.PinningAt((nuint)address, bytes);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(PinReferenceSite, e, Common.LostTracking.Pins))
        {
        }
    }

    /// <summary>Checked code is about to dispose a MemoryHandle (<c>using (var h = memory.Pin())</c>): the Memory pin ends.</summary>
    public static void MemoryHandleDisposing(ref System.Buffers.MemoryHandle handle, int site)
    {
        try
        {
            Common.InternalErrors.Inject(MemoryHandleSite);
            MemoryPins.Disposing(handle.Pointer, site);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(MemoryHandleSite, e, Common.LostTracking.Pins))
        {
        }
    }

    const string MemoryHandleSite = "PinChecks.MemoryHandleDisposing";

    static void Pin(object owner, int site)
    {
        var thread = PinThread.Current;
        PinRecords.Pin(owner, thread.StackAt(site), thread);
    }

    static void Unpin(object owner, int site)
    {
        var thread = PinThread.Current;
        PinRecords.Unpin(owner, thread.StackAt(site), thread);
    }
}
