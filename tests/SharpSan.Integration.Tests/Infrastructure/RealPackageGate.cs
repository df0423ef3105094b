using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SharpSan.Integration.Tests.Infrastructure;

/// <summary>
/// One row of the real-package gate: a mode of Apps/RealPackages, the sanitizers it runs under, the package assembly
/// it includes and the package's checked-in suppressions file (Apps/RealPackages/suppressions/).
/// </summary>
/// <param name="ExpectedReport">For a workload with a known bug: patterns its report must match (the gate then wants
/// exactly one report, that one, and the exit code of the sanitizer); null for the clean workloads.</param>
public sealed record RealPackageCase(string Mode, string Sanitize, string PackageAssembly, string SuppressionsFile, string[]? ExpectedReport = null)
{
    public string SuppressionsPath => Path.Combine(TestPaths.AppsDirectory, RealPackageGate.App, "suppressions", SuppressionsFile);

    /// <summary>SHARPSAN_OPTIONS for instrumenting and running: the suppressions (which also makes the checks
    /// recoverable) and no halting, so a failing gate lists every new report at once.</summary>
    public string Options => $"suppressions={SuppressionsPath}:halt_on_error=0";
}

/// <summary>An app instrumented into a test-owned folder; both folders stay available (for a JIT probe, say).</summary>
public sealed record InstrumentedApp(string OriginalDirectory, string InstrumentedDirectory, ProcessResult Instrumentation)
{
    public string MainAssembly => Path.Combine(InstrumentedDirectory, RealPackageGate.App + ".dll");

    /// <summary>The counts of the instrumenter's `instrumented X.dll: N methods, M checks` line, or null when X was not instrumented.</summary>
    public (int Methods, int Checks)? Counts(string assembly)
    {
        var line = Regex.Match(Instrumentation.StdErr, $@"^\s*instrumented\s+{Regex.Escape(assembly)}: (\d+) methods, (\d+) checks", RegexOptions.Multiline);
        return line.Success ? (int.Parse(line.Groups[1].Value), int.Parse(line.Groups[2].Value)) : null;
    }
}

/// <summary>Builds, instruments and runs Apps/RealPackages the way a user checks a package: `sharpsan instrument --include`.</summary>
public static class RealPackageGate
{
    public const string App = "RealPackages";
    static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    /// <summary>The uninstrumented build of the app (built once per test run).</summary>
    public static async Task<string> OriginalAsync() => Path.Combine(await AppBuilder.BuildAsync(App), App + ".dll");

    /// <summary>`sharpsan instrument app --sanitize … --include package --output &lt;new folder&gt;` with the case's options.</summary>
    public static async Task<InstrumentedApp> InstrumentAsync(RealPackageCase gate)
    {
        string original = await OriginalAsync();
        string output = TestPaths.NewDirectory($"realpkg-{gate.Mode}", create: false);
        var result = await SharpSanCli.RunAsync(TestPaths.NewDirectory("unused-cache", create: false),
            ["instrument", original, "--output", output, "--sanitize", gate.Sanitize, "--include", gate.PackageAssembly],
            gate.Options, s_timeout);
        return new InstrumentedApp(Path.GetDirectoryName(original)!, output, result);
    }

    /// <summary>`dotnet App.dll mode` on the original build, without SharpSan.</summary>
    public static async Task<ProcessResult> RunPlainAsync(RealPackageCase gate) =>
        await ProcessRunner.RunAsync(ProcessRunner.Dotnet, [await OriginalAsync(), gate.Mode], timeout: s_timeout);

    /// <summary>`dotnet App.dll mode` on the instrumented copy, with the case's options.</summary>
    public static Task<ProcessResult> RunInstrumentedAsync(InstrumentedApp app, RealPackageCase gate) =>
        ProcessRunner.RunAsync(ProcessRunner.Dotnet, [app.MainAssembly, gate.Mode],
            new Dictionary<string, string?> { ["SHARPSAN_OPTIONS"] = gate.Options }, s_timeout);

    /// <summary>Wall time of an action, for the figures the tests print.</summary>
    public static async Task<(T Result, TimeSpan Elapsed)> Timed<T>(Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        var result = await action();
        return (result, watch.Elapsed);
    }
}
