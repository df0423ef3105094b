using System.Diagnostics;

namespace SharpSan.Instrumentation.Pipeline;

/// <summary>
/// Where one assembly's rewrite spends its time (read, each pass, finish, write), printed to standard error when
/// <c>SHARPSAN_REWRITE_TIMING=1</c>: the measurement behind any work on the rewriter's speed.
/// </summary>
sealed class RewritePhases(string assembly)
{
    static readonly bool s_enabled = Environment.GetEnvironmentVariable("SHARPSAN_REWRITE_TIMING") == "1";

    readonly List<(string Phase, TimeSpan Time)> _phases = [];
    readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Closes the phase that ran since the previous call (or since the start).</summary>
    public void End(string phase)
    {
        if (!s_enabled) return;
        _phases.Add((phase, _clock.Elapsed));
        _clock.Restart();
    }

    public void Print()
    {
        if (!s_enabled) return;
        var parts = _phases.GroupBy(p => p.Phase).Select(g => $"{g.Key} {g.Sum(p => p.Time.TotalMilliseconds):F0} ms");
        Console.Error.WriteLine($"sharpsan: rewrite timing {Path.GetFileName(assembly)}: {string.Join(", ", parts)}");
    }
}
