using System.Diagnostics;

namespace SharpSan.Cli.Testing;

/// <summary>
/// Where a `sharpsan test` run's wall time went, phase by phase (--verbose prints it as one "time:" line), so that the
/// cost it adds to a plain test run can be told apart: the CLI's own start, finding the test projects, instrumenting
/// (or checking the cache), the test runs, the results.
/// </summary>
internal sealed class PhaseClock
{
    readonly Stopwatch _watch = Stopwatch.StartNew();
    readonly List<(string Phase, TimeSpan Time)> _phases = [];
    readonly TimeSpan _beforeMain = StartUp();
    TimeSpan _lastMark;

    /// <summary>Ends the current phase, naming it; phases of the same name add up (one per test project).</summary>
    public void Mark(string phase)
    {
        var now = _watch.Elapsed;
        var spent = now - _lastMark;
        _lastMark = now;
        int at = _phases.FindIndex(p => p.Phase == phase);
        if (at >= 0) _phases[at] = (phase, _phases[at].Time + spent);
        else _phases.Add((phase, spent));
    }

    /// <summary>"start 0.21 s, projects 1.84 s, …, total 9.10 s"; start is the process's life before the command ran.</summary>
    public string Summary()
    {
        var parts = new List<string>();
        if (_beforeMain > TimeSpan.Zero) parts.Add($"start {Seconds(_beforeMain)}");
        parts.AddRange(_phases.Select(p => $"{p.Phase} {Seconds(p.Time)}"));
        parts.Add($"total {Seconds(_beforeMain + _watch.Elapsed)}");
        return string.Join(", ", parts);
    }

    static string Seconds(TimeSpan t) => $"{t.TotalSeconds:0.00} s";

    /// <summary>From the process's start to now (runtime start, JIT of the command line parsing); zero when unknown.</summary>
    static TimeSpan StartUp()
    {
        try
        {
            var spent = DateTime.Now - Process.GetCurrentProcess().StartTime;
            return spent > TimeSpan.Zero ? spent : TimeSpan.Zero;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return TimeSpan.Zero;
        }
    }
}
