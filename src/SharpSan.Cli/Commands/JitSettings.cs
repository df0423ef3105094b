using System.Diagnostics;

namespace SharpSan.Cli.Commands;

/// <summary>
/// JIT settings for the checked program. Dynamic PGO (on by default since .NET 8) compiles every hot method a third
/// time — an instrumented tier, then tier 1 from its profile — and instrumented methods are bigger, so on real packages
/// the JIT took a third of ZstdSharp's CPU time. Off, under address (CPU time, loaded machine): Snappier −40 %, ZstdSharp
/// −10–15 %, K4os LZ4 HC and System.IO.Hashing within noise to −10 %; kernels lz and stackbuf −10 %. What the program loses is what PGO gives tier-1 code (guarded devirtualization,
/// profile-driven inlining and block layout). A choice the user made, in the environment or in the app's
/// runtimeconfig.json, is kept.
/// </summary>
internal static class JitSettings
{
    const string TieredPgo = "DOTNET_TieredPGO", LegacyTieredPgo = "COMPlus_TieredPGO", RuntimeConfigPgo = "System.Runtime.TieredPGO";

    public static void Apply(ProcessStartInfo start, string mainAssembly)
    {
        if (start.Environment.ContainsKey(TieredPgo) || start.Environment.ContainsKey(LegacyTieredPgo)) return;
        if (RuntimeConfigChooses(mainAssembly)) return;
        start.Environment[TieredPgo] = "0";
    }

    static bool RuntimeConfigChooses(string mainAssembly)
    {
        string config = Path.ChangeExtension(mainAssembly, ".runtimeconfig.json");
        try
        {
            return File.Exists(config) && File.ReadAllText(config).Contains(RuntimeConfigPgo, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
