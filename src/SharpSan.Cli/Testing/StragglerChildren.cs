using SharpSan.Cli.Commands;

namespace SharpSan.Cli.Testing;

/// <summary>
/// Child processes the tests started and never waited for can outlive the test host: their findings are written into
/// the results folder when they happen, so the results are read only once no process that writes there still runs
/// (they are recognised by the results folder in their inherited SHARPSAN_OPTIONS), or after a bounded wait.
/// </summary>
internal static class StragglerChildren
{
    static readonly TimeSpan s_patience = TimeSpan.FromSeconds(20);

    public static void WaitFor(string findingsDir)
    {
        var stragglers = Find(findingsDir);
        if (stragglers.Count == 0) return;
        CommonOptions.Info($"waiting for {stragglers.Count} child process(es) the tests did not wait for (pid {string.Join(", ", stragglers)}), so that their findings are in the results");
        var deadline = DateTime.UtcNow + s_patience;
        while (DateTime.UtcNow < deadline && (stragglers = Find(findingsDir)).Count > 0) Thread.Sleep(100);
        if (stragglers.Count > 0)
            CommonOptions.Info($"{stragglers.Count} child process(es) still running after {s_patience.TotalSeconds:0} s (pid {string.Join(", ", stragglers)}): findings they raise from now on are not in these results");
    }

    /// <summary>Processes of this user, other than this one, whose environment names <paramref name="findingsDir"/>.</summary>
    static List<int> Find(string findingsDir)
    {
        var found = new List<int>();
        if (!OperatingSystem.IsLinux()) return found;
        string needle = "results_dir=" + findingsDir;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid) || pid == Environment.ProcessId) continue;
            try
            {
                string environment = File.ReadAllText(Path.Combine(dir, "environ"));
                if (environment.Contains(needle, StringComparison.Ordinal) && !IsZombie(dir) && !IsSdkProcess(dir)) found.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's process, or one that just ended.
            }
        }
        return found;
    }

    /// <summary>The SDK's long-lived helpers (MSBuild nodes, the compiler server) inherit the environment but check nothing.</summary>
    static bool IsSdkProcess(string dir)
    {
        string commandLine = File.ReadAllText(Path.Combine(dir, "cmdline"));
        return s_sdkProcesses.Any(p => commandLine.Contains(p, StringComparison.Ordinal));
    }

    static readonly string[] s_sdkProcesses = ["MSBuild.dll", "VBCSCompiler.dll", "vstest.console.dll", "testhost.dll"];

    /// <summary>An exited process nobody reaped yet has written everything it will.</summary>
    static bool IsZombie(string dir)
    {
        string stat = File.ReadAllText(Path.Combine(dir, "stat"));
        int close = stat.LastIndexOf(')');
        return close > 0 && close + 2 < stat.Length && stat[close + 2] is 'Z' or 'X';
    }
}
