namespace SharpSan.Integration.Tests.Infrastructure;

/// <summary>Runs the real CLI (`dotnet sharpsan.dll …`) with an isolated instrumentation cache.</summary>
public static class SharpSanCli
{
    /// <param name="cache">SHARPSAN_CACHE for this invocation (always set, so the user's ~/.cache is never touched).</param>
    /// <param name="options">SHARPSAN_OPTIONS, or null for none.</param>
    public static Task<ProcessResult> RunAsync(string cache, IEnumerable<string> arguments, string? options = null, TimeSpan? timeout = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["SHARPSAN_CACHE"] = cache,
            ["SHARPSAN_OPTIONS"] = options,
        };
        return ProcessRunner.RunAsync(ProcessRunner.Dotnet, arguments.Prepend(TestPaths.SharpSanDll), environment, timeout);
    }

    /// <summary>`sharpsan run [sharpsanArgs] -- app.dll [appArgs]`.</summary>
    public static Task<ProcessResult> Run(string cache, string app, string[]? appArgs = null, string[]? sharpsanArgs = null, string? options = null, TimeSpan? timeout = null) =>
        RunAsync(cache, ["run", .. sharpsanArgs ?? [], "--", app, .. appArgs ?? []], options, timeout);

    /// <summary>`sharpsan instrument input --output dir [args]`.</summary>
    public static Task<ProcessResult> Instrument(string input, string output, params string[] args) =>
        RunAsync(TestPaths.NewDirectory("unused-cache", create: false), ["instrument", input, "--output", output, .. args]);

    /// <summary>Runs an assembly directly with `dotnet app.dll` (no SharpSan CLI involved).</summary>
    public static Task<ProcessResult> RunDirect(string app, params string[] args) =>
        ProcessRunner.RunAsync(ProcessRunner.Dotnet, [app, .. args]);
}
