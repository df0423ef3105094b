using System.Globalization;

namespace SharpSan.Runtime.Common.Options;

/// <summary>Thrown for a malformed SHARPSAN_OPTIONS string; the message names the key and lists the known ones.</summary>
public sealed class OptionsException(string message) : Exception(message);

/// <summary>Parsed SHARPSAN_OPTIONS (ASan syntax: key=value pairs separated by ':' or spaces).</summary>
public sealed class SanitizerOptions
{
    readonly Dictionary<string, string> _values;

    SanitizerOptions(Dictionary<string, string> values) => _values = values;

    public static SanitizerOptions Defaults => Parse(null);

    public static SanitizerOptions Parse(string? text)
    {
        var values = OptionTable.All.ToDictionary(o => o.Name, o => o.Default);
        foreach (var pair in (text ?? "").Split([':', ' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=');
            if (eq <= 0)
                throw new OptionsException($"malformed option '{pair}' in SHARPSAN_OPTIONS (expected key=value)");
            string key = pair[..eq], value = pair[(eq + 1)..];
            var spec = OptionTable.Find(key)
                ?? throw new OptionsException($"unknown option '{key}' in SHARPSAN_OPTIONS; known options: {OptionTable.KnownNames}");
            values[key] = Normalize(spec, value);
        }
        return new SanitizerOptions(values);
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
    public long GetInt(string name) => long.Parse(Get(name), CultureInfo.InvariantCulture);
    public string GetString(string name) => Get(name);

    string Get(string name) => _values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"no option named '{name}'");

    public bool HaltOnError => GetBool("halt_on_error");
    public int ExitCode(int toolDefault) => GetInt("exitcode") is var c && c >= 0 ? (int)c : toolDefault;
    public string LogPath => GetString("log_path");
    public long QuarantineBytes => GetInt("quarantine_size_mb") << 20;
    public int Redzone => (int)GetInt("redzone");
    public int MaxRedzone => (int)GetInt("max_redzone");
    public int MallocContextSize => (int)GetInt("malloc_context_size");
    public bool DetectLeaks => GetBool("detect_leaks");
    public byte MallocFillByte => (byte)GetInt("malloc_fill_byte");
    public int MaxMallocFillSize => (int)GetInt("max_malloc_fill_size");
    public string Suppressions => GetString("suppressions");
    public bool PrintLegend => GetBool("print_legend");
    public int Verbosity => (int)GetInt("verbosity");
}
