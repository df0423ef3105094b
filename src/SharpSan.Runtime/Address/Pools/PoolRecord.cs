namespace SharpSan.Runtime.Address.Pools;

internal enum PoolArrayState { Rented, Returned }

/// <summary>
/// What the checking pool knows about one array it handed out: requested length, element geometry and the
/// rent/return stacks. It is the value of a ConditionalWeakTable keyed by the array, and it holds the array
/// itself: when user code drops a rented array without returning it (legal for ArrayPool), the record becomes
/// finalizable and the finalizer's reference keeps the array's memory from being reused until the shadow of
/// its element range has been cleared — so a later object on the pinned heap never inherits pool poison.
/// </summary>
internal sealed class PoolRecord
{
    readonly object _array;

    public PoolRecord(object array, nuint begin, int length, int elementSize, string elementName, bool shadowed)
    {
        _array = array;
        Begin = begin;
        Length = length;
        ElementSize = elementSize;
        ElementName = elementName;
        Shadowed = shadowed;
        if (!shadowed) GC.SuppressFinalize(this);
    }

    ~PoolRecord()
    {
        PooledArrays.Forget(this);
        ShadowMemory.Clear(Begin, Bytes);
        GC.KeepAlive(_array);
    }

    /// <summary>Address of element 0 (pinned-heap arrays never move); 0 for unshadowed (reference-type) arrays.</summary>
    public nuint Begin { get; }
    public int Length { get; }
    public int ElementSize { get; }
    public string ElementName { get; }
    public bool Shadowed { get; }
    public nuint Bytes => (nuint)Length * (nuint)ElementSize;

    public int Requested { get; set; }
    public PoolArrayState State { get; set; }
    public int RentStack { get; set; }
    public int RentThread { get; set; }
    public int ReturnStack { get; set; }
    public int ReturnThread { get; set; }

    public string Shape => $"{ElementName}[{Length}], {Requested} requested";
}
