using System.CommandLine;
using System.Diagnostics;

namespace SharpSan.Cli.Commands;

/// <summary>
/// Following the checked program's child processes (Valgrind's --trace-children, on by default as sanitizers inherit
/// their options): every .NET process it starts runs SharpSan.ChildHook first, which swaps the process for an
/// instrumented copy of itself (see that project).
/// </summary>
internal static class ChildProcesses
{
    const string HookAssembly = "SharpSan.ChildHook.dll";

    public static Option<string> TraceChildren() => new("--trace-children")
    {
        Description = "Check the .NET programs the checked program starts, with the same sanitizers and options (yes/no).",
        DefaultValueFactory = _ => "yes",
    };

    /// <summary>Parses yes/no (and true/false, 1/0); null after printing an error.</summary>
    public static bool? Parse(string value) => value.ToLowerInvariant() switch
    {
        "yes" or "true" or "1" => true,
        "no" or "false" or "0" => false,
        _ => Invalid(value),
    };

    static bool? Invalid(string value)
    {
        CommonOptions.Error($"--trace-children expects yes or no, got '{value}'");
        return null;
    }

    /// <summary>Sets up the environment of the checked program so that its .NET children are checked too.</summary>
    public static void Follow(ProcessStartInfo start, string sanitizers, bool verbose)
    {
        string hook = Path.Combine(AppContext.BaseDirectory, HookAssembly);
        if (!File.Exists(hook))
        {
            CommonOptions.Info($"warning: {HookAssembly} is missing beside sharpsan; child processes will run unchecked");
            return;
        }
        string? hooks = Environment.GetEnvironmentVariable("DOTNET_STARTUP_HOOKS");
        start.Environment["DOTNET_STARTUP_HOOKS"] = string.IsNullOrEmpty(hooks) ? hook : hooks + Path.PathSeparator + hook;
        start.Environment["SHARPSAN_CHILD_SANITIZE"] = sanitizers;
        start.Environment["SHARPSAN_CHILD_CLI"] = typeof(ChildProcesses).Assembly.Location;
        if (verbose) start.Environment["SHARPSAN_CHILD_VERBOSE"] = "1";
    }
}
