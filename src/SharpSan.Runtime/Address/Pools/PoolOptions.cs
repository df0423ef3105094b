namespace SharpSan.Runtime.Address.Pools;

/// <summary>Quarantine bounds per pool instance: ASan-like byte budget (pool_quarantine_size_mb), and a count cap.</summary>
internal static class PoolOptions
{
    public const int QuarantineArrays = 64;
    public static long QuarantineBytes => SanitizerRuntime.Options.PoolQuarantineBytes;
}
