using SharpSan.Runtime.Common.Options;

namespace SharpSan.Runtime.Guard;

public enum GuardAlignment { Auto, Right, Left }

/// <summary>Guard mode's options, read once (GWP-ASan's sampling and pool, Scudo's fill and quarantine).</summary>
internal sealed class GuardOptions
{
    public int SampleRate { get; }
    public int MaxSimultaneous { get; }
    public int MaxSize { get; }
    public GuardAlignment Alignment { get; }
    public byte FreeFillByte { get; }
    public long MaxFreeFillSize { get; }
    public long QuarantineBytes { get; }
    public int ContextSize { get; }

    /// <summary>Every allocation up to <see cref="MaxSize"/> is guarded and the pool grows: the deterministic mode tests use.</summary>
    public bool GuardsEverything => SampleRate == 1;

    public GuardOptions(SanitizerOptions options)
    {
        SampleRate = (int)Math.Clamp(options.GetInt("guard_sample_rate"), 0, int.MaxValue);
        MaxSimultaneous = (int)Math.Clamp(options.GetInt("guard_max_simultaneous"), 0, 1 << 16);
        MaxSize = (int)Math.Clamp(options.GetInt("guard_max_size"), 0, 1 << 26);
        Alignment = options.GetString("guard_align") switch
        {
            "right" => GuardAlignment.Right,
            "left" => GuardAlignment.Left,
            _ => GuardAlignment.Auto,
        };
        FreeFillByte = (byte)options.GetInt("free_fill_byte");
        MaxFreeFillSize = options.GetInt("max_free_fill_size");
        QuarantineBytes = Math.Max(0, options.GetInt("quarantine_size_kb")) << 10;
        ContextSize = Math.Clamp(options.MallocContextSize, 1, 256);
    }

    /// <summary>The checks SanitizerOptions runs on guard mode's values (bad input is an error with the reason, not a silent default).</summary>
    public static void Validate(SanitizerOptions options)
    {
        if (options.GetInt("guard_sample_rate") < 0) throw new OptionsException($"guard_sample_rate must be 0 (off) or more, got {options.GetInt("guard_sample_rate")}");
        if (options.GetInt("guard_max_simultaneous") is < 0 or > 65536) throw new OptionsException($"guard_max_simultaneous must be between 0 and 65536, got {options.GetInt("guard_max_simultaneous")}");
        if (options.GetInt("guard_max_size") is < 0 or > (1 << 26)) throw new OptionsException($"guard_max_size must be between 0 and 67108864 bytes, got {options.GetInt("guard_max_size")}");
        if (options.GetString("guard_align") is not ("auto" or "right" or "left")) throw new OptionsException($"guard_align must be auto, right or left, got '{options.GetString("guard_align")}'");
        if (options.GetInt("free_fill_byte") is < 0 or > 255) throw new OptionsException($"free_fill_byte must be between 0 and 255, got {options.GetInt("free_fill_byte")}");
        if (options.GetInt("quarantine_size_kb") < 0) throw new OptionsException($"quarantine_size_kb must not be negative, got {options.GetInt("quarantine_size_kb")}");
    }
}
