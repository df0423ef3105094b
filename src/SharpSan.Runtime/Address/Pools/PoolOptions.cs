namespace SharpSan.Runtime.Address.Pools;

/// <summary>Quarantine bounds per pool instance (ASan keeps a byte budget; pools also cap the count).</summary>
internal static class PoolOptions
{
    public const int QuarantineArrays = 64;
    public const long QuarantineBytes = 64L << 20;
}
