using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

/// <summary>
/// Follows child processes into the checkers (Valgrind's --trace-children). `sharpsan run/test` put this assembly in
/// DOTNET_STARTUP_HOOKS, so every .NET process the checked program starts — `dotnet x.dll`, an apphost, the app that
/// `dotnet run` builds — runs this before its Main. A program that is not instrumented yet is instrumented (by the
/// sharpsan CLI, cached like any run's copy) and the process replaces itself by the instrumented copy with execve: same
/// pid, same arguments, environment and standard streams, so the parent sees its own child, checked.
/// <para>It does nothing in the programs that are already checked (an instrumented copy), in the .NET installation's own
/// tools (the SDK, MSBuild, the compiler server, which `dotnet run` and `dotnet build` start) and without its variable.
/// Whatever goes wrong, the child runs unchecked after one warning: never a failed child because of SharpSan.</para>
/// </summary>
internal static class StartupHook
{
    /// <summary>The sanitizer list; the hook is off without it.</summary>
    const string SanitizeVariable = "SHARPSAN_CHILD_SANITIZE";
    /// <summary>The sharpsan CLI (sharpsan.dll) that instruments the child.</summary>
    const string CliVariable = "SHARPSAN_CHILD_CLI";
    const string CompleteMarker = ".sharpsan-complete";
    const string LockFile = ".sharpsan-lock";

    public static void Initialize()
    {
        string? sanitize = Environment.GetEnvironmentVariable(SanitizeVariable);
        string? cli = Environment.GetEnvironmentVariable(CliVariable);
        if (string.IsNullOrEmpty(sanitize) || string.IsNullOrEmpty(cli)) return;
        string? app = Assembly.GetEntryAssembly()?.Location;
        if (string.IsNullOrEmpty(app) || IsChecked(app) || IsDotnetTool(app)) return;
        try
        {
            string copy = Instrument(cli, sanitize, app);
            HoldCopy(copy);
            Exec(copy, Environment.GetCommandLineArgs().Skip(1));
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"sharpsan: warning: child process {Path.GetFileName(app)} (pid {Environment.ProcessId}) runs unchecked: {e.Message}");
        }
    }

    /// <summary>An instrumented copy carries the instrumenter's completion marker beside its assemblies.</summary>
    static bool IsChecked(string app) => File.Exists(Path.Combine(Path.GetDirectoryName(app)!, CompleteMarker));

    /// <summary>The SDK and the other tools of the .NET installation that runs this process.</summary>
    static bool IsDotnetTool(string app)
    {
        // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>
        string? root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(RuntimeEnvironment.GetRuntimeDirectory()))));
        return root is not null && Path.GetFullPath(app).StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>Runs `sharpsan child-copy`, which prints the instrumented main assembly's path on its last stdout line.</summary>
    static string Instrument(string cli, string sanitize, string app)
    {
        var start = new ProcessStartInfo(DotnetHost()) { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var a in new[] { cli, "child-copy", "--sanitize", sanitize, "--", app }) start.ArgumentList.Add(a);
        start.Environment.Remove("DOTNET_STARTUP_HOOKS");   // the CLI itself is not a child to follow
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the sharpsan CLI");
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        string last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        if (process.ExitCode != 0 || !File.Exists(last))
            throw new InvalidOperationException($"instrumenting it failed (sharpsan exit code {process.ExitCode})");
        return last;
    }

    /// <summary>
    /// A shared lock on the copy's lock file for as long as the process lives (the descriptor is opened without
    /// close-on-exec, so it survives execve): other runs never remove a copy a child is running from.
    /// </summary>
    static void HoldCopy(string mainAssembly)
    {
        string path = Path.Combine(Path.GetDirectoryName(mainAssembly)!, LockFile);
        int fd = open(path, O_RDONLY);
        if (fd >= 0) flock(fd, LOCK_SH);
    }

    /// <summary>Replaces this process by `dotnet &lt;copy&gt; args`; returns only by throwing.</summary>
    static unsafe void Exec(string mainAssembly, IEnumerable<string> args)
    {
        string dotnet = DotnetHost();
        string[] argv = ["dotnet", mainAssembly, .. args];
        var env = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Where(e => (string)e.Key != "SHARPSAN_OPTIONS")
            .Select(e => $"{e.Key}={e.Value}")
            .Append("SHARPSAN_OPTIONS=" + ChildOptions(Environment.GetEnvironmentVariable("SHARPSAN_OPTIONS") ?? ""))
            .ToArray();
        Console.Out.Flush();
        Console.Error.Flush();
        execve(dotnet, [.. argv, null], [.. env, null]);
        throw new InvalidOperationException($"execve {dotnet} failed (errno {Marshal.GetLastPInvokeError()})");
    }

    /// <summary>
    /// The parent's options, but no test runner's: a child has no test to throw a finding into (`sharpsan test` sets
    /// fail_tests for its test host), so its exit code follows `exitcode` and its findings are written to results_dir.
    /// </summary>
    static string ChildOptions(string options) => options.Contains("fail_tests=1", StringComparison.Ordinal) ? options + ":fail_tests=0" : options;

    /// <summary>The dotnet muxer of the installation running this process (also when the child is an apphost).</summary>
    static string DotnetHost()
    {
        string? root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(RuntimeEnvironment.GetRuntimeDirectory()))));
        string candidate = Path.Combine(root ?? "", "dotnet");
        return File.Exists(candidate) ? candidate : "/usr/bin/dotnet";
    }

    const int O_RDONLY = 0, LOCK_SH = 1;

    [DllImport("libc", SetLastError = true)]
    static extern int open(string path, int flags);

    [DllImport("libc", SetLastError = true)]
    static extern int flock(int fd, int operation);

    [DllImport("libc", SetLastError = true)]
    static extern int execve(string path, string?[] argv, string?[] envp);
}
