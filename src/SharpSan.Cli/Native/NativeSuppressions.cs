namespace SharpSan.Cli.Native;

/// <summary>
/// One suppressions file for the whole run: the rules of SharpSan's file (`suppressions=` in SHARPSAN_OPTIONS) that
/// the system's AddressSanitizer understands — <c>interceptor_via_fun:</c>, <c>interceptor_via_lib:</c>,
/// <c>odr_violation:</c> — are handed to it too, so a native error they name is never reported and the program goes
/// on (ASan drops such an error inside the interceptor; SharpSan's own matching could only hide the report of a process
/// that ASan ends anyway). SharpSan's runtime ignores those kinds.
/// </summary>
internal static class NativeSuppressions
{
    static readonly string[] s_asanKinds = ["interceptor_via_fun", "interceptor_via_lib", "odr_violation"];

    const string RuntimeLeakRules = "dotnet-runtime.lsan.supp";

    /// <summary>Whether SHARPSAN_OPTIONS turns native leak checking on (native_leaks=1; the last setting wins).</summary>
    public static bool LeaksRequested(string? sharpsanOptions) =>
        Value(sharpsanOptions, "native_leaks") is "1" or "true";

    /// <summary>
    /// Writes LeakSanitizer's suppressions file into <paramref name="scratch"/>: the .NET runtime's rules SharpSan ships,
    /// then the <c>leak:</c> rules of the user's file (LeakSanitizer reads one file, from LSAN_OPTIONS).
    /// </summary>
    public static string WriteLeaks(string? sharpsanOptions, string scratch)
    {
        var rules = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Native", RuntimeLeakRules)).ToList();
        if (Value(sharpsanOptions, "suppressions") is { Length: > 0 } path && File.Exists(path))
            rules.AddRange(File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.StartsWith("leak:", StringComparison.Ordinal)));
        string lsan = Path.Combine(scratch, "lsan.supp");
        File.WriteAllLines(lsan, rules);
        return lsan;
    }

    /// <summary>The last value of <paramref name="name"/> in SHARPSAN_OPTIONS, or null.</summary>
    public static string? Value(string? sharpsanOptions, string name) =>
        sharpsanOptions?.Split([':', ' '], StringSplitOptions.RemoveEmptyEntries)
            .LastOrDefault(o => o.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];

    /// <summary>Writes ASan's suppressions file into <paramref name="scratch"/>; null when the options name no file or it has no such rule.</summary>
    public static string? Write(string? sharpsanOptions, string scratch)
    {
        string? path = Value(sharpsanOptions, "suppressions");
        if (string.IsNullOrEmpty(path) || !File.Exists(path)) return null;
        var rules = File.ReadAllLines(path).Select(l => l.Trim())
            .Where(l => s_asanKinds.Any(k => l.StartsWith(k + ":", StringComparison.Ordinal))).ToList();
        if (rules.Count == 0) return null;
        string asan = Path.Combine(scratch, "asan.supp");
        File.WriteAllLines(asan, rules);
        return asan;
    }
}
