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

    /// <summary>Writes ASan's suppressions file into <paramref name="scratch"/>; null when the options name no file or it has no such rule.</summary>
    public static string? Write(string? sharpsanOptions, string scratch)
    {
        string? path = sharpsanOptions?.Split([':', ' '], StringSplitOptions.RemoveEmptyEntries)
            .LastOrDefault(o => o.StartsWith("suppressions=", StringComparison.Ordinal))?["suppressions=".Length..];
        if (string.IsNullOrEmpty(path) || !File.Exists(path)) return null;
        var rules = File.ReadAllLines(path).Select(l => l.Trim())
            .Where(l => s_asanKinds.Any(k => l.StartsWith(k + ":", StringComparison.Ordinal))).ToList();
        if (rules.Count == 0) return null;
        string asan = Path.Combine(scratch, "asan.supp");
        File.WriteAllLines(asan, rules);
        return asan;
    }
}
