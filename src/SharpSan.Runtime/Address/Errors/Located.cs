namespace SharpSan.Runtime.Address.Errors;

/// <summary>ASan's wording for where an address lies relative to a region: "N bytes to the left of", "to the right of", "inside of".</summary>
internal static class Located
{
    public static string Relation(nuint address, nuint begin, nuint size)
    {
        if (address < begin) return $"{begin - address} bytes to the left of";
        if (address >= begin + size) return $"{address - (begin + size)} bytes to the right of";
        return $"{address - begin} bytes inside of";
    }
}
