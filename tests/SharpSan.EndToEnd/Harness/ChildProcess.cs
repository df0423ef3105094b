using System.Diagnostics;
using System.Text;

namespace SharpSan.EndToEnd.Harness;

public sealed record ProcessResult(int ExitCode, string Output, string Error, bool TimedOut, TimeSpan Elapsed);

/// <summary>Runs a child process with a timeout, stdin closed, capturing its output.</summary>
public static class ChildProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The dotnet host running the tests (or the one on PATH).</summary>
    public static string DotnetHost { get; } = FindDotnet();

    static string FindDotnet()
    {
        string? fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk)) return fromSdk;
        string? self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return "dotnet";
    }

    /// <summary>
    /// Runs <paramref name="program"/> with stdout and stderr merged into one pipe in the order they were written
    /// (like lit's <c>2&gt;&amp;1</c>), so that CHECKs can follow the program's output and the reports together.
    /// </summary>
    public static ProcessResult RunMerged(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" 2>&1");
        start.ArgumentList.Add(program);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        return Run(start, environment, timeout);
    }

    /// <summary>Runs <paramref name="program"/> with stdout and stderr captured separately.</summary>
    public static ProcessResult RunSeparate(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null, string? stdin = null)
    {
        var start = new ProcessStartInfo(program);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        return Run(start, environment, timeout, stdin);
    }

    static ProcessResult Run(ProcessStartInfo start, IReadOnlyDictionary<string, string?>? environment, TimeSpan? timeout, string? stdin = null)
    {
        start.UseShellExecute = false;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;
        // The run must not inherit the settings of whoever runs the tests.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("SHARPSAN_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (environment is not null)
            foreach (var (key, value) in environment)
                start.Environment[key] = value;

        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.Start();
        if (stdin is not null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        bool exited = process.WaitForExit(timeout ?? DefaultTimeout);
        if (!exited)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            process.WaitForExit();
        }
        else
        {
            process.WaitForExit();   // drains the redirected streams
        }
        Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(10));
        return new ProcessResult(
            exited ? process.ExitCode : -1,
            stdout.IsCompletedSuccessfully ? stdout.Result : "",
            stderr.IsCompletedSuccessfully ? stderr.Result : "",
            !exited,
            clock.Elapsed);
    }
}
