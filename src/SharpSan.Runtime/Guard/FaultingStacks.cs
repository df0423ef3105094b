using System.Diagnostics;
using System.Globalization;
using SharpSan.Runtime.Common.Symbolization;

namespace SharpSan.Runtime.Guard;

/// <summary>
/// The managed stack of a thread blocked at a faulting access: it cannot walk its own stack, and this process cannot
/// suspend itself, so `sharpsan guard-stack` (ClrMD, in a child process) attaches and reads it while the thread waits.
/// The frames come back as module, method token and IL offset, symbolized here from the module's PDB.
/// </summary>
internal static class FaultingStacks
{
    const int TimeoutMs = 60_000;

    /// <param name="test">The outermost test method among the frames (under a test runner only), or null.</param>
    public static SymbolizedFrame[] Take(int osThreadId, out string? note, out string? test)
    {
        note = null;
        test = null;
        string? reporter = Reporter();
        if (reporter is null)
        {
            note = "<the faulting access's stack is not available: sharpsan guard-stack was not found (set SHARPSAN_GUARD_REPORTER to sharpsan.dll)>";
            return [];
        }
        var start = new ProcessStartInfo(DotnetHost(), [reporter, "guard-stack", SanitizerRuntime.Pid.ToString(CultureInfo.InvariantCulture), osThreadId.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("SHARPSAN_OPTIONS");
        start.Environment.Remove("DOTNET_STARTUP_HOOKS");
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync();
        _ = child.StandardError.ReadToEndAsync();
        if (!child.WaitForExit(TimeoutMs) || !output.Wait(1000))
        {
            try { child.Kill(); } catch (Exception) { }
            note = "<the faulting access's stack is not available: sharpsan guard-stack did not answer in time>";
            return [];
        }
        var frames = new List<SymbolizedFrame>();
        foreach (var line in output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('!'))
            {
                note = $"<the faulting access's stack is not available: {line[1..]}>";
                continue;
            }
            var parts = line.Split('\t');
            if (parts is ["native", var where]) frames.Add(ManagedStacks.Synthetic($"{where} (native code)"));
            else if (parts.Length == 3 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out int token) && int.TryParse(parts[2], CultureInfo.InvariantCulture, out int il))
            {
                frames.Add(Symbolizer.SymbolizeInFile(parts[0], token, il));
                if (Common.Testing.TestAttribution.Enabled && TestOf(parts[0], token) is { } outer) test = outer;
            }
        }
        return [.. frames];
    }

    /// <summary>The test a frame belongs to, when its module is loaded in this process.</summary>
    static string? TestOf(string modulePath, int token)
    {
        try
        {
            var assembly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => !a.IsDynamic && a.Location == modulePath);
            return assembly?.ManifestModule.ResolveMethod(token) is { } method ? Common.Testing.TestFrames.TestNameOf(method) : null;
        }
        catch (Exception e) when (e is ArgumentException or TypeLoadException or BadImageFormatException or FileNotFoundException)
        {
            return null;
        }
    }

    static string? Reporter()
    {
        if (Environment.GetEnvironmentVariable("SHARPSAN_GUARD_REPORTER") is { Length: > 0 } fromEnvironment) return fromEnvironment;
        string beside = Path.Combine(Path.GetDirectoryName(typeof(FaultingStacks).Assembly.Location) ?? ".", "SharpSan.Runtime.guard-reporter");
        if (!File.Exists(beside)) return null;
        string path = File.ReadAllText(beside).Trim();
        return File.Exists(path) ? path : null;
    }

    static string DotnetHost() =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
}
