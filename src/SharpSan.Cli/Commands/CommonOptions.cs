using System.CommandLine;
using SharpSan.Instrumentation.Application;
using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Cli.Commands;

/// <summary>Options shared by the commands, and the small helpers they share.</summary>
internal static class CommonOptions
{
    public static readonly string[] KnownSanitizers = ["address", "thread", "memory", "guard"];
    public static readonly string[] ImplementedSanitizers = ["address", "thread", "memory", "guard"];

    public static Option<string> Sanitize() => new("--sanitize", "-s")
    {
        Description = "Checkers to enable, comma separated: address (heap, leaks), thread, memory (any of these three together), guard (alone).",
        DefaultValueFactory = _ => "address",
    };

    public static Option<string[]> Include() => new("--include")
    {
        Description = "Also instrument assemblies whose file name matches this glob (repeatable).",
        AllowMultipleArgumentsPerToken = true,
    };

    public static Option<string[]> Exclude() => new("--exclude")
    {
        Description = "Never instrument assemblies whose file name matches this glob (repeatable).",
        AllowMultipleArgumentsPerToken = true,
    };

    public static Option<bool> Verbose() => new("--verbose", "-v")
    {
        Description = "List every assembly left uninstrumented, with the reason.",
    };

    /// <summary>Validates a --sanitize list; returns a normalised list or writes an error and returns null.</summary>
    public static string? ParseSanitizers(string list)
    {
        var parts = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToArray();
        var unknown = parts.Where(p => !KnownSanitizers.Contains(p)).ToArray();
        if (unknown.Length > 0 || parts.Length == 0)
        {
            Error($"unknown sanitizer '{string.Join(",", unknown)}'; choose from {string.Join(", ", KnownSanitizers)}");
            return null;
        }
        var missing = parts.Where(p => !ImplementedSanitizers.Contains(p)).ToArray();
        if (missing.Length > 0)
        {
            Error($"--sanitize {string.Join(",", missing)} is not implemented in this version yet (available: {string.Join(", ", ImplementedSanitizers)})");
            return null;
        }
        // memory combines with address and thread (separate shadows, one combined interceptor per shared member).
        if (parts.Contains("guard") && parts.Length > 1)
        {
            Error("--sanitize guard replaces the native allocator for production use and runs alone; use it without address, thread or memory");
            return null;
        }
        return string.Join(",", parts);
    }

    /// <summary>
    /// What SHARPSAN_OPTIONS decides at instrument time (<see cref="InstrumentChoices"/>): recovering checks and SGCheck's
    /// binding code. Returns null (after printing the error) when the options do not parse.
    /// </summary>
    public static InstrumentChoices? ChoicesFromEnvironment() => ChoicesFrom(Environment.GetEnvironmentVariable("SHARPSAN_OPTIONS"));

    /// <summary>As <see cref="ChoicesFromEnvironment"/>, for an options string assembled by the command.</summary>
    public static InstrumentChoices? ChoicesFrom(string? options)
    {
        try
        {
            return InstrumentChoices.From(SharpSan.Runtime.Common.Options.SanitizerOptions.Parse(options));
        }
        catch (SharpSan.Runtime.Common.Options.OptionsException e)
        {
            Error(e.Message);
            return null;
        }
    }

    public static RuntimeLibrary LoadRuntime() => RuntimeLibrary.Default();

    public static void Error(string message) => Console.Error.WriteLine($"sharpsan: error: {message}");

    public static void Info(string message) => Console.Error.WriteLine($"sharpsan: {message}");
}
