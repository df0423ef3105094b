using System.Diagnostics;
using System.Text;

namespace SharpSan.Integration.Tests.Infrastructure;

public sealed record ProcessResult(string CommandLine, int ExitCode, string StdOut, string StdErr, TimeSpan Elapsed)
{
    /// <summary>Everything a failing assertion should show.</summary>
    public override string ToString() =>
        $"$ {CommandLine}\nexit code {ExitCode} after {Elapsed.TotalSeconds:F1} s\n--- stdout ---\n{Tail(StdOut)}\n--- stderr ---\n{Tail(StdErr)}";

    static string Tail(string s) => s.Length <= 12000 ? s : "…" + s[^12000..];
}

/// <summary>Runs a child process with captured stdout/stderr, a scrubbed environment and a hard time limit.</summary>
public static class ProcessRunner
{
    /// <summary>
    /// Variables the test host may carry (MSBuild of `dotnet test`, VSTest, a developer's SharpSan settings) that
    /// would change how a child `dotnet build` or `sharpsan` behaves.
    /// </summary>
    static readonly string[] s_scrubbedPrefixes = ["MSBUILD", "VSTEST", "TESTINGPLATFORM", "SHARPSAN_", "DOTNET_STARTUP_HOOKS", "COMPlus_", "DOTNET_gc"];

    public static string Dotnet { get; } = FindDotnet();

    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? TestPaths.Root,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var key in start.Environment.Keys.ToList())
            if (s_scrubbedPrefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
                start.Environment.Remove(key);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // Tests run side by side: a build must not join an idle MSBuild node another test's build left behind (a node
        // torn down under it fails the build with MSB4166), and the suite must leave no nodes running.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        if (environment is not null)
            foreach (var (key, value) in environment)
                if (value is null) start.Environment.Remove(key);
                else start.Environment[key] = value;

        string commandLine = string.Join(" ", start.ArgumentList.Prepend(fileName).Select(a => a.Contains(' ') ? $"\"{a}\"" : a));
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        process.StandardInput.Close();
        var pumps = new[] { Pump(process.StandardOutput, stdout), Pump(process.StandardError, stderr) };
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await Task.WhenAny(Task.WhenAll(pumps), Task.Delay(TimeSpan.FromSeconds(5)));
            throw new TimeoutException($"timed out after {(timeout ?? TimeSpan.FromSeconds(120)).TotalSeconds} s:\n" +
                new ProcessResult(commandLine, -1, Snapshot(stdout), Snapshot(stderr), watch.Elapsed));
        }
        watch.Stop();
        // A grandchild that inherited the pipes (a build server) must not hang the test: give the pumps a grace period.
        await Task.WhenAny(Task.WhenAll(pumps), Task.Delay(TimeSpan.FromSeconds(10)));
        return new ProcessResult(commandLine, process.ExitCode, Snapshot(stdout), Snapshot(stderr), watch.Elapsed);
    }

    static string Snapshot(StringBuilder sb)
    {
        lock (sb) return sb.ToString();
    }

    static Task Pump(StreamReader reader, StringBuilder sink) => Task.Run(async () =>
    {
        var buffer = new char[8192];
        int n;
        while ((n = await reader.ReadAsync(buffer)) > 0)
            lock (sink) sink.Append(buffer, 0, n);
    });

    static string FindDotnet()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        string? self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return "dotnet";
    }
}
