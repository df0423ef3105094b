using System.Security.Cryptography;
using System.Text;

namespace SharpSan.Cli.Native;

/// <summary>
/// One suppressions file for the whole run, merged with the rules SharpSan ships for the .NET runtime's own noise.
/// The system's AddressSanitizer reads one file from ASAN_OPTIONS (kinds <c>interceptor_via_fun:</c>,
/// <c>interceptor_via_lib:</c>, <c>interceptor_name:</c>, <c>odr_violation:</c>; it rejects any other) and
/// LeakSanitizer one from LSAN_OPTIONS (<c>leak:</c>): each gets SharpSan's shipped file for it followed by the rules
/// of those kinds in the user's file (`suppressions=` in SHARPSAN_OPTIONS), so a native error they name is never
/// reported and the program goes on (ASan drops such an error inside the interceptor; SharpSan's own matching could
/// only hide the report of a process that ASan ends anyway). SharpSan's runtime ignores those kinds.
/// </summary>
internal static class NativeSuppressions
{
    static readonly string[] s_asanKinds = ["interceptor_via_fun", "interceptor_via_lib", "interceptor_name", "odr_violation"];
    static readonly string[] s_leakKinds = ["leak"];

    /// <summary>The .NET runtime's rules for AddressSanitizer's non-leak reports (ASAN_OPTIONS).</summary>
    public const string RuntimeAsanRules = "dotnet-runtime.asan.supp";

    /// <summary>The .NET runtime's rules for LeakSanitizer (LSAN_OPTIONS).</summary>
    public const string RuntimeLeakRules = "dotnet-runtime.lsan.supp";

    /// <summary>Whether SHARPSAN_OPTIONS turns native leak checking on (native_leaks=1; the last setting wins).</summary>
    public static bool LeaksRequested(string? sharpsanOptions) =>
        Value(sharpsanOptions, "native_leaks") is "1" or "true";

    /// <summary>AddressSanitizer's suppressions file (for ASAN_OPTIONS): the runtime's rules and the user's.</summary>
    public static string Write(string? sharpsanOptions) => Merge(RuntimeAsanRules, s_asanKinds, sharpsanOptions);

    /// <summary>LeakSanitizer's suppressions file (for LSAN_OPTIONS): the runtime's rules and the user's.</summary>
    public static string WriteLeaks(string? sharpsanOptions) => Merge(RuntimeLeakRules, s_leakKinds, sharpsanOptions);

    /// <summary>The last value of <paramref name="name"/> in SHARPSAN_OPTIONS, or null.</summary>
    public static string? Value(string? sharpsanOptions, string name) =>
        sharpsanOptions?.Split([':', ' '], StringSplitOptions.RemoveEmptyEntries)
            .LastOrDefault(o => o.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];

    /// <summary>
    /// The shipped file <paramref name="shipped"/> whole, then the user's rules of <paramref name="kinds"/>. The file is
    /// named by its content and never deleted: every process of the tree (a child may start after the run's scratch
    /// folder is gone) reads it when ASan starts, and ASan ends a process whose suppressions file is missing.
    /// </summary>
    static string Merge(string shipped, string[] kinds, string? sharpsanOptions)
    {
        var rules = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Native", shipped)).ToList();
        if (Value(sharpsanOptions, "suppressions") is { Length: > 0 } path && File.Exists(path))
        {
            rules.Add($"# the {string.Join(", ", kinds)} rules of {path}");
            rules.AddRange(File.ReadAllLines(path).Select(l => l.Trim()).Where(l => kinds.Any(k => l.StartsWith(k + ":", StringComparison.Ordinal))));
        }
        string text = string.Join('\n', rules) + "\n";
        string hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
        string folder = Path.Combine(Path.GetTempPath(), "sharpsan-suppressions");
        string target = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(shipped)}-{hash}.supp");
        if (File.Exists(target)) return target;
        Directory.CreateDirectory(folder);
        string partial = target + "." + Guid.NewGuid().ToString("N")[..8];   // written whole, then renamed: a reader never sees half a file
        File.WriteAllText(partial, text);
        File.Move(partial, target, overwrite: true);
        return target;
    }
}
