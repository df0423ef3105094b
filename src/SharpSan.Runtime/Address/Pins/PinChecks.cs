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

    static void Pin(object owner, int site) => PinRecords.Pin(owner, AddressSanitizer.CaptureStackIdAt(site));

    static void Unpin(object owner, int site) => PinRecords.Unpin(owner, AddressSanitizer.CaptureStackIdAt(site));
}
