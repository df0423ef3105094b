using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using SharpSan.Runtime.Common;

namespace SharpSan.EndToEnd.Harness;

public enum Crash { None, UnhandledException, Native }

/// <summary>What one case did when SharpSan's internal paths were made to fail, and whether that was acceptable.</summary>
public sealed record FaultRun(CaseResult Normal, string Plan, ProcessResult? Run, ProcessResult? Uninstrumented)
{
    public const string WarningMarker = "WARNING: SharpSan: internal error in ";

    /// <summary>
    /// Null when the program went on as if unchecked: no SharpSan exception or SharpSan.Runtime frame reached its
    /// output, SharpSan said at least once that it failed, and it did not crash — unless the crash is the program's
    /// own: the uninstrumented program crashes too, or the case's program has the memory bug SharpSan normally stops
    /// and now runs it for real (a native crash: glibc's "double free detected", a segfault; never an exception).
    /// </summary>
    public string? Failure()
    {
        if (Normal.SetupError is not null || Normal.Instrumented is null) return $"the case did not get as far as running: {Normal.SetupError}";
        if (Run is null) return "the faulted run never ran";
        if (Run.TimedOut) return $"timed out after {ChildProcess.DefaultTimeout.TotalSeconds:0} s with {FaultInjection.Variable}={Plan}";
        if (FaultInjection.LeakedLines(Run.Output) is { Count: > 0 } leakedFirst)
            return $"SharpSan's own exception reached the program with {FaultInjection.Variable}={Plan}:\n  " + string.Join("\n  ", leakedFirst);
        var crash = FaultInjection.CrashOf(Run);
        bool programsOwn = Uninstrumented is { } plain && FaultInjection.CrashOf(plain) != Crash.None
            || crash == Crash.Native && Normal.Case.ExpectsReport;
        if (crash != Crash.None && !programsOwn)
            return $"crashed ({crash}, exit code {Run.ExitCode}) with {FaultInjection.Variable}={Plan}" +
                   (Uninstrumented is { } u ? $"; the uninstrumented program exits with {u.ExitCode}" : "");
        if (!Run.Output.Contains(WarningMarker, StringComparison.Ordinal))
            return $"no '{WarningMarker}…' line with {FaultInjection.Variable}={Plan}: the injected faults were not reached or not reported";
        return null;
    }
}

/// <summary>
/// The end-to-end suite's second mode: each case's instrumented program runs again with SHARPSAN_TEST_FAULTS set, so
/// that the runtime's internal paths (reporting, interceptors, allocator, pools, pins, fake stack, sync edges, shadow
/// stack) throw at their start. Alternate cases fail every call ("all") or every other call ("all@2", which mixes the
/// real and the checked paths: blocks the real allocator made are freed through SharpSan and the reverse). The program
/// must never see a SharpSan exception. Runs after, and reuses the outputs of, the normal run.
/// </summary>
public static class FaultInjection
{
    public const string Variable = InternalErrors.FaultsVariable;

    static readonly Lazy<IReadOnlyDictionary<string, FaultRun>> s_runs = new(RunAll);

    public static FaultRun Result(string id) => s_runs.Value[id];

    /// <summary>Deterministic: the case's position in the sorted list decides its plan.</summary>
    public static string PlanFor(CaseFile c)
    {
        int index = Suite.Cases.ToList().FindIndex(x => x.Id == c.Id);
        return index % 2 == 0 ? "all" : "all@2";
    }

    static IReadOnlyDictionary<string, FaultRun> RunAll()
    {
        var results = new ConcurrentDictionary<string, FaultRun>();
        var selected = Suite.SelectedCases;
        foreach (var c in selected) _ = Suite.Result(c.Id);   // the normal runs first (all in parallel, once)
        Parallel.ForEach(selected, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            c => results[c.Id] = RunOne(Suite.Result(c.Id)));
        WriteTiming(results.Values);
        return results;
    }

    /// <summary>What this mode costs next to the normal one (process time summed over cases), kept with the run's artifacts.</summary>
    static void WriteTiming(ICollection<FaultRun> runs)
    {
        double Seconds(IEnumerable<TimeSpan> spans) => spans.Sum(t => t.TotalSeconds);
        double normal = Seconds(runs.Where(r => r.Normal.Run is not null).Select(r => r.Normal.Run!.Elapsed * r.Normal.Case.Runs));
        double prepare = Seconds(runs.Select(r => r.Normal.Compile + r.Normal.Instrument));
        double faulted = Seconds(runs.Where(r => r.Run is not null).Select(r => r.Run!.Elapsed + (r.Uninstrumented?.Elapsed ?? TimeSpan.Zero)));
        Directory.CreateDirectory(Suite.WorkDirectory);
        File.WriteAllText(Path.Combine(Suite.WorkDirectory, "faults-timing.txt"), FormattableString.Invariant(
            $"{runs.Count} cases: normal runs {normal:0} s (compile and instrument {prepare:0} s), faulted runs {faulted:0} s, summed over cases\n"));
    }

    static FaultRun RunOne(CaseResult normal)
    {
        string plan = PlanFor(normal.Case);
        if (normal.Instrumented is null || normal.Compiled is null) return new FaultRun(normal, plan, null, null);
        var env = new Dictionary<string, string?>(normal.Environment) { [Variable] = plan };
        var run = ChildProcess.RunMerged(ChildProcess.DotnetHost, [normal.Instrumented, .. normal.Arguments], env);
        string root = Path.GetDirectoryName(Path.GetDirectoryName(normal.Instrumented)!)!;
        File.WriteAllText(Path.Combine(root, "faults-output.txt"), $"{Variable}={plan}\nexit code {run.ExitCode}\n{run.Output}");
        // Only a crash needs the comparison: does the program crash without SharpSan too?
        var plain = CrashOf(run) != Crash.None ? ChildProcess.RunMerged(ChildProcess.DotnetHost, [normal.Compiled, .. normal.Arguments], normal.Environment) : null;
        return new FaultRun(normal, plan, run, plain);
    }

    /// <summary>
    /// An unhandled .NET exception, or a native crash: a fatal signal (glibc's abort on a corrupt heap and .NET's own
    /// abort exit with 134, a segfault with 139) or .NET's "Fatal error." (an access violation in managed code).
    /// </summary>
    public static Crash CrashOf(ProcessResult run) =>
        run.Output.Contains("Unhandled exception.", StringComparison.Ordinal) ? Crash.UnhandledException
        : run.ExitCode is 134 or 139 || run.Output.Contains("Fatal error.", StringComparison.Ordinal) ? Crash.Native
        : Crash.None;

    static readonly Regex s_stackTraceLine = new(@"^\s+(at |--- End of )", RegexOptions.CultureInvariant);

    /// <summary>
    /// Lines that show SharpSan's own code or exception outside its internal-error warnings (whose verbose form, with
    /// verbosity=1, is followed by the exception's stack trace).
    /// </summary>
    public static IReadOnlyList<string> LeakedLines(string output)
    {
        var leaked = new List<string>();
        bool inWarning = false;
        foreach (var line in output.Split('\n'))
        {
            if (line.Contains(FaultRun.WarningMarker, StringComparison.Ordinal)) { inWarning = true; continue; }
            if (inWarning && s_stackTraceLine.IsMatch(line)) continue;
            inWarning = false;
            if (line.Contains("SharpSan.Runtime", StringComparison.Ordinal) || line.Contains(nameof(InjectedFaultException), StringComparison.Ordinal))
                leaked.Add(line.TrimEnd());
        }
        return leaked;
    }
}
