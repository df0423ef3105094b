using System.Globalization;

namespace SharpSan.Runtime.Common.Options;

/// <summary>Thrown for a malformed SHARPSAN_OPTIONS string; the message names the key and lists the known ones.</summary>
public sealed class OptionsException(string message) : Exception(message);

/// <summary>Parsed SHARPSAN_OPTIONS (ASan syntax: key=value pairs separated by ':' or spaces).</summary>
public sealed class SanitizerOptions
{
    readonly Dictionary<string, string> _values;

    readonly HashSet<string> _explicit;

    SanitizerOptions(Dictionary<string, string> values, HashSet<string> explicitlySet)
    {
        _values = values;
        _explicit = explicitlySet;
        // Typed values are read on hot paths (every allocation), so they are parsed once, here.
        HaltOnError = GetBool("halt_on_error");
        _exitCode = (int)GetInt("exitcode");
        LogPath = GetString("log_path");
        ResultsDir = GetString("results_dir");
        FailTests = GetBool("fail_tests");
        QuarantineBytes = GetInt("quarantine_size_mb") << 20;
        PoolQuarantineBytes = GetInt("pool_quarantine_size_mb") << 20;
        Redzone = (int)GetInt("redzone");
        MaxRedzone = (int)GetInt("max_redzone");
        MallocContextSize = (int)GetInt("malloc_context_size");
        DetectLeaks = GetBool("detect_leaks");
        MallocFillByte = (byte)GetInt("malloc_fill_byte");
        MaxMallocFillSize = (int)GetInt("max_malloc_fill_size");
        Suppressions = GetString("suppressions");
        PrintLegend = GetBool("print_legend");
        Verbosity = (int)GetInt("verbosity");
        if (PoolQuarantineBytes < 0) throw new OptionsException($"pool_quarantine_size_mb must not be negative, got {GetInt("pool_quarantine_size_mb")}");
        if (QuarantineBytes < 0) throw new OptionsException($"quarantine_size_mb must not be negative, got {GetInt("quarantine_size_mb")}");
        if (GetInt("gc_stress") is < 0 or > int.MaxValue) throw new OptionsException($"gc_stress must be between 0 (off) and {int.MaxValue}, got {GetInt("gc_stress")}");
        Guard.GuardOptions.Validate(this);
        if (GetString("race_detector") is not ("fasttrack" or "hybrid")) throw new OptionsException($"race_detector must be fasttrack or hybrid, got '{GetString("race_detector")}'");
        if (GetInt("track_origins") is < 0 or > 2) throw new OptionsException($"track_origins must be 0, 1 or 2, got {GetInt("track_origins")}");
        if (MallocContextSize < 1) throw new OptionsException($"malloc_context_size must be at least 1, got {MallocContextSize}");
        if (Suppressions.Length > 0 && !File.Exists(Suppressions))
            throw new OptionsException($"failed to read suppressions file '{Suppressions}'");
        if (Redzone < 16 || Redzone > 2048 || !System.Numerics.BitOperations.IsPow2(Redzone))
            throw new OptionsException($"redzone must be a power of two between 16 and 2048, got {Redzone}");
        if (MaxRedzone < Redzone || MaxRedzone > 2048 || !System.Numerics.BitOperations.IsPow2(MaxRedzone))
            throw new OptionsException($"max_redzone must be a power of two between redzone ({Redzone}) and 2048, got {MaxRedzone}");
    }

    readonly int _exitCode;

    public static SanitizerOptions Defaults => Parse(null);

    public static SanitizerOptions Parse(string? text)
    {
        var values = new Dictionary<string, string>(OptionTable.All.Count);   // no LINQ: System.Linq's load is start-up time
        foreach (var option in OptionTable.All) values.Add(option.Name, option.Default);
        var explicitlySet = new HashSet<string>();
        foreach (var pair in (text ?? "").Split([':', ' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=');
            if (eq <= 0)
                throw new OptionsException($"malformed option '{pair}' in SHARPSAN_OPTIONS (expected key=value)");
            string key = pair[..eq], value = pair[(eq + 1)..];
            var spec = OptionTable.Find(key)
                ?? throw new OptionsException($"unknown option '{key}' in SHARPSAN_OPTIONS; known options: {OptionTable.KnownNames}");
            values[key] = Normalize(spec, value);
            explicitlySet.Add(key);
        }
        return new SanitizerOptions(values, explicitlySet);
    }

    static string Normalize(OptionSpec spec, string value) => spec.Type switch
    {
        OptionType.Bool => value switch
        {
            "1" or "true" => "1",
            "0" or "false" => "0",
            _ => throw new OptionsException($"option '{spec.Name}' expects 0/1/true/false, got '{value}'"),
        },
        OptionType.Int => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            ? value
            : value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && long.TryParse(value[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out long hex)
                ? hex.ToString(CultureInfo.InvariantCulture)
                : throw new OptionsException($"option '{spec.Name}' expects an integer, got '{value}'"),
        _ => value,
    };

    public bool GetBool(string name) => Get(name) == "1";

    /// <summary>True when SHARPSAN_OPTIONS gave this option a value (tools with different defaults need to know).</summary>
    public bool IsSet(string name) => _explicit.Contains(name);
    public long GetInt(string name) => long.Parse(Get(name), CultureInfo.InvariantCulture);
    public string GetString(string name) => Get(name);

    string Get(string name) => _values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"no option named '{name}'");

    public bool HaltOnError { get; }
    public int ExitCode(int toolDefault) => _exitCode >= 0 ? _exitCode : toolDefault;
    public string LogPath { get; }
    public long QuarantineBytes { get; }
    public string ResultsDir { get; }
    public bool FailTests { get; }
    public long PoolQuarantineBytes { get; }
    public int Redzone { get; }
    public int MaxRedzone { get; }
    public int MallocContextSize { get; }
    public bool DetectLeaks { get; }
    public byte MallocFillByte { get; }
    public int MaxMallocFillSize { get; }
    public string Suppressions { get; }
    public bool PrintLegend { get; }
    public int Verbosity { get; }
}
