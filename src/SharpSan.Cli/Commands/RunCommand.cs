using System.CommandLine;
using System.Diagnostics;
using SharpSan.Cli.Native;
using SharpSan.Instrumentation.Application;

namespace SharpSan.Cli.Commands;

/// <summary>
/// <c>sharpsan run --sanitize list [--report-dir DIR] -- App.dll [args]</c>: instrument (cached), then run the
/// instrumented app with dotnet, streams passed through; the exit code is the app's (or `exitcode` after a report).
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var sanitize = CommonOptions.Sanitize();
        var include = CommonOptions.Include();
        var exclude = CommonOptions.Exclude();
        var reportDir = new Option<string>("--report-dir") { Description = "Also write each report, as it happens, into this folder (log_path)." };
        var noCache = new Option<bool>("--no-cache") { Description = "Instrument again even if an instrumented copy of this app exists (the fresh copy is deleted after the run)." };
        var verbose = CommonOptions.Verbose();
        var traceChildren = ChildProcesses.TraceChildren();
        var native = NativeSanitizer.Option();
        var app = new Argument<string[]>("app") { Description = "The application assembly and its arguments (after --).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("run", "Instrument an application (cached by content) and run it under the sanitizers.")
        {
            sanitize, include, exclude, reportDir, noCache, verbose, traceChildren, native, app,
        };
        command.SetAction(result => Run(
            result.GetValue(sanitize)!, result.GetValue(include) ?? [], result.GetValue(exclude) ?? [],
            result.GetValue(reportDir), result.GetValue(noCache), result.GetValue(verbose), result.GetValue(traceChildren)!, result.GetValue(native), result.GetValue(app)!));
        return command;
    }

    static int Run(string sanitize, string[] include, string[] exclude, string? reportDir, bool noCache, bool verbose, string traceChildren, string? native, string[] app)
    {
        string? sanitizers = CommonOptions.ParseSanitizers(sanitize);
        if (sanitizers is null) return 2;
        if (ChildProcesses.Parse(traceChildren) is not { } followChildren) return 2;
        if (!NativeSanitizer.TryPrepare(native, valgrindAllowed: true, out string? asanRuntime, out string? valgrind)) return 2;
        string options = Environment.GetEnvironmentVariable("SHARPSAN_OPTIONS") ?? "";
        if (CommonOptions.ChoicesFromEnvironment() is not { } choices) return 2;
        string appPath = app[0];
        if (!File.Exists(appPath))
        {
            CommonOptions.Error($"no such application assembly: {appPath}");
            return 2;
        }

        InstrumentedCopy copy;
        try
        {
            var instrumenter = new AppInstrumenter(CommonOptions.LoadRuntime(), Progress.Line);
            var request = new InstrumentRequest(appPath, "", include, exclude, sanitizers, choices.Recover, choices.Heuristic);
            copy = new InstrumentedCopies(instrumenter, CacheDirectory.Root).Obtain(request, reuse: !noCache);
            Progress.Done();
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            Progress.Done();
            CommonOptions.Error(e.Message);
            return 2;
        }
        using var lease = copy;
        var report = copy.Report;
        var main = report.Assemblies.FirstOrDefault(a => string.Equals(a.FileName, Path.GetFileName(appPath), StringComparison.OrdinalIgnoreCase));
        if (main is { Action: "skipped" } && (main.Detail.StartsWith("not a .NET assembly", StringComparison.Ordinal) || main.Detail.StartsWith("malformed", StringComparison.Ordinal)))
        {
            CommonOptions.Error($"{main.FileName} cannot be run: {main.Detail}");
            return 2;
        }
        CoverageAccount.Print(report, verbose, CoverageAccount.RepositoryRoot(appPath));

        var start = new ProcessStartInfo(Testing.DotnetHost.Path) { UseShellExecute = false };
        start.ArgumentList.Add(report.MainAssembly!);
        foreach (var a in app.Skip(1)) start.ArgumentList.Add(a);
        if (reportDir is not null)
        {
            Directory.CreateDirectory(reportDir);
            string logPath = Path.Combine(Path.GetFullPath(reportDir), "sharpsan");
            start.Environment["SHARPSAN_OPTIONS"] = options.Length > 0 ? options + ":log_path=" + logPath : "log_path=" + logPath;
        }
        if (followChildren) ChildProcesses.Follow(start, sanitizers, verbose);
        JitSettings.Apply(start, report.MainAssembly!);
        string? scratch = asanRuntime is null && valgrind is null ? null : NativeSanitizer.NewScratch();
        if (asanRuntime is not null) NativeSanitizer.Apply(start, asanRuntime, scratch!);
        if (valgrind is not null) NativeValgrind.Wrap(start, valgrind, scratch!);
        using var child = Process.Start(start)!;
        child.WaitForExit();
        if (valgrind is not null) NativeValgrind.PrintReports(scratch!);
        if (asanRuntime is not null) NativeLeakReports.Print(scratch!, NativeSuppressions.Value(start.Environment.TryGetValue("SHARPSAN_OPTIONS", out var o) ? o : null, "results_dir"));
        if (scratch is not null) NativeSanitizer.Clean(scratch);
        return child.ExitCode;
    }
}
