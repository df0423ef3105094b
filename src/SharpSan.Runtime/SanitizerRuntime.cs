using SharpSan.Runtime.Common.Native;
using SharpSan.Runtime.Common.Options;
using SharpSan.Runtime.Common.Reporting;

namespace SharpSan.Runtime;

/// <summary>
/// Process-wide state of the runtime: options, the report sink, de-duplication, halting and the exit-code rule
/// (the app's own exit code unless a report was printed, then `exitcode`).
/// </summary>
public static class SanitizerRuntime
{
    static readonly object s_reportLock = new();
    /// <summary>Every distinct finding printed so far, by key, with its report (a test that runs into it again fails with it too).</summary>
    static readonly Dictionary<string, (string Text, ReportBuilder Report)?> s_reported = [];
    /// <summary>0 before, 1 while the initialising thread runs <see cref="Initialize"/>, 2 once it is done.</summary>
    static int s_initialized;
    static readonly object s_initializing = new();
    static int s_reportCount;
    static int s_exitCodeOnReport = 1;
    static volatile bool s_halting, s_exiting;
    static readonly Lazy<Suppressions> s_suppressions = new(() => Suppressions.Load(s_options!.Suppressions));
    static ReportSink? s_sink;
    static FindingFiles? s_findings;
    static SanitizerOptions s_options = SanitizerOptions.Defaults;


    public static readonly int Pid = LibC.getpid();

    public static SanitizerOptions Options
    {
        get
        {
            EnsureInitialized();
            return s_options;
        }
    }

    /// <summary>The options, if they were read already (null before): for code that must not be what reads them.</summary>
    internal static SanitizerOptions? OptionsIfRead => s_sink is null ? null : s_options;

    /// <summary>The results folder's finding files (results_dir), or null without one.</summary>
    internal static FindingFiles? Findings
    {
        get
        {
            EnsureInitialized();
            return s_findings;
        }
    }

    public static int ReportCount => Volatile.Read(ref s_reportCount);

    /// <summary>True once the process is exiting because of a report; exit-time checks (leaks) stay quiet then.</summary>
    public static bool IsHalting => s_halting;

    /// <summary>Exit-time work registered by sanitizers (the leak checker), run before the exit-code rule is applied.</summary>
    public static event Action? BeforeExit;

    public static void EnsureInitialized()
    {
        if (Volatile.Read(ref s_initialized) != 2) Initialize();
    }

    /// <summary>
    /// Reads the options once. Another thread that arrives meanwhile waits for the end: it returned at once before, and
    /// read the default options — an async test whose continuation made the first allocation on a pool thread while
    /// the test thread asked whether tests are checked was not failed by its finding (Guard/TestEndValueTaskFault, the
    /// same with a Task). The initialising thread itself may ask again on the way (re-entrant lock, state 1): it gets
    /// what is set so far, as before.
    /// </summary>
    static void Initialize()
    {
        lock (s_initializing)
        {
            if (s_initialized != 0) return;
            s_initialized = 1;
            try
            {
                InitializeOnce();
            }
            finally
            {
                Volatile.Write(ref s_initialized, 2);
            }
        }
    }

    static void InitializeOnce()
    {
        try
        {
            s_options = SanitizerOptions.Parse(Environment.GetEnvironmentVariable("SHARPSAN_OPTIONS"));
        }
        catch (OptionsException e)
        {
            Console.Error.WriteLine($"=={Pid}==ERROR: SharpSan: {e.Message}");
            Console.Error.Flush();
            LibC._exit(1);
        }
        s_sink = new ReportSink(s_options.LogPath, Pid);
        if (s_options.ResultsDir.Length > 0) s_findings = new FindingFiles(s_options.ResultsDir, Pid);
        _ = Common.Threads.ThreadRegistry.CurrentId;   // the thread that loads the first instrumented module is T0
        AppDomain.CurrentDomain.ProcessExit += (_, _) => OnProcessExit();
        Common.NativeAsan.SystemAsan.Attach();
        if (s_options.Verbosity > 0)
            Console.Error.WriteLine($"=={Pid}==SharpSan runtime {typeof(SanitizerRuntime).Assembly.GetName().Version} initialised (shadow at 0x{Address.ShadowMemory.Base:x})");
    }

    /// <summary>True when the suppressions file has a rule of this kind matching a frame in <paramref name="reportText"/>.</summary>
    public static bool IsSuppressed(string kind, string reportText) => s_suppressions.Value.Matches(kind, reportText);

    /// <summary>
    /// Prints a finding (once per distinct bug), writes it into results_dir, halts when halt_on_error=1, and with
    /// fail_tests throws it into the test running on this thread — also when that test only runs into a bug another
    /// test already reported (parameterised tests), so every affected test fails.
    /// </summary>
    [System.Diagnostics.StackTraceHidden]   // a test's failure shows the user's frames, not ours
    public static void Report(ErrorReport error)
    {
        try
        {
            Common.InternalErrors.Inject(ReportSite);
            ReportChecked(error);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(ReportSite, e))
        {
            // The finding is lost; the program goes on.
        }
    }

    const string ReportSite = "SanitizerRuntime.Report";

    [System.Diagnostics.StackTraceHidden]
    static void ReportChecked(ErrorReport error)
    {
        EnsureInitialized();
        if (s_halting) return;
        string key = error.Tool + ":" + error.DeduplicationKey;
        string text;
        ReportBuilder builder;
        bool duplicate;
        lock (s_reportLock)
        {
            duplicate = s_reported.TryGetValue(key, out var first);
            if (duplicate)
            {
                if (first is null || !(s_options.FailTests || s_findings is not null)) return;   // suppressed, or nobody to tell
                (text, builder) = first.Value;
            }
            else
            {
                builder = new ReportBuilder();
                if (error.SeparatorLine.Length > 0) builder.Line(error.SeparatorLine);   // MSan's report starts at its first line
                error.Print(builder);
                text = builder.ToString();
                var modules = builder.Stacks.SelectMany(st => st.Frames).Select(f => f.ModuleName).ToHashSet();
                bool suppressed = s_suppressions.Value.Matches(error.Kind, text, modules);
                s_reported[key] = suppressed ? null : (text, builder);
                if (suppressed) return;
                // Several tools in one run (address,memory / memory,thread): the first report printed names the exit code.
                if (s_reportCount == 0) s_exitCodeOnReport = s_options.ExitCode(error.DefaultExitCode);
                Interlocked.Increment(ref s_reportCount);
            }
        }
        string? test = s_options.FailTests || s_findings is not null ? Common.Testing.TestAttribution.CurrentTest() : null;
        // A thread the test started (or a work item it queued) reports for that test, which fails when it waits for it.
        bool delegated = false;
        if (test is null && (s_options.FailTests || s_findings is not null))
        {
            test = Common.Testing.TestAttribution.DelegatedTest;
            delegated = test is not null;
        }
        if (duplicate && test is null) return;
        if (!duplicate) s_sink!.Write(text);
        // Under fail_tests a finding is the test's only once it fails the test: a delegated one when it is thrown into
        // the test (then written again, charged); until then, and if the test never waits again, it is outside tests.
        bool pending = delegated && s_options.FailTests;
        // A child process's finding outside its own tests waits for the test that started it (ChildFindings).
        string? parentTest = test is null && s_findings is not null ? Common.Testing.ChildFindings.ParentTestOfThisProcess : null;
        string? written = pending && duplicate ? null : s_findings?.Write(error, builder, text, pending ? null : test, duplicate, pending ? test : parentTest, parentTest);
        if (!duplicate) StopAtReport.AfterReport(s_options, Pid);
        if (error.RaisedInNativeCode)
        {
            // No exception may cross the native frames: the test fails when the call into native code returns.
            if (s_options.FailTests && test is not null && !pending) Common.NativeAsan.NativeCallFailures.Remember(text, test, error.Kind);
            return;
        }
        if (!duplicate && HaltsOn(error) && !s_exiting) Halt();
        if (s_options.FailTests && test is not null)
        {
            if (pending)
            {
                var findings = s_findings;
                Common.Testing.TestAttribution.AddPendingFailure(test, text, () => findings?.Write(error, builder, text, test, duplicate: true, charges: written));
                return;
            }
            Common.Testing.TestAttribution.FailedByFinding(test);
            throw new SanitizerFindingException(text, test);
        }
    }

    /// <summary>ThreadSanitizer keeps going after a race unless told otherwise (its halt_on_error defaults to 0).</summary>
    static bool HaltsOn(ErrorReport error) =>
        error.Tool == "ThreadSanitizer" ? s_options.IsSet("halt_on_error") && s_options.HaltOnError : s_options.HaltOnError;

    /// <summary>
    /// Reached when code instrumented without recovery (the default, like clang without -fsanitize-recover)
    /// reported an error that the runtime was told not to halt on (halt_on_error=0 or a suppression): such
    /// code has no path to continue, so the process stops here with an explanation.
    /// </summary>
    public static Exception CannotContinue()
    {
        if (Common.InternalErrors.TakeContainedOnThisThread())
            Console.Error.WriteLine($"=={Pid}==SharpSan: an internal error (above) kept a flagged access from being checked, and this code was " +
                "instrumented without recovery, so it cannot continue past it; with halt_on_error=0 set before instrumenting it would go on unchecked.");
        else
            Console.Error.WriteLine($"=={Pid}==SharpSan: this code was instrumented without recovery and cannot continue past an error; " +
                "set halt_on_error=0 (or suppressions) in SHARPSAN_OPTIONS before instrumenting (`sharpsan run` does this) to continue after reports.");
        Halt();
        return new InvalidOperationException("unreachable");
    }

    static void Halt()
    {
        s_halting = true;
        Console.Out.Flush();
        StopAtReport.BeforeDying(s_options, Pid);
        if (StopAtReport.AbortsOnDeath(s_options)) StopAtReport.Abort(Pid);
        Environment.Exit(s_exitCodeOnReport);
    }

    const string ExitChecksSite = "SanitizerRuntime.ExitChecks";

    static void OnProcessExit()
    {
        s_exiting = true;
        if (!s_halting)
        {
            foreach (var check in BeforeExit?.GetInvocationList() ?? [])
            {
                try
                {
                    Common.InternalErrors.Inject(ExitChecksSite);
                    ((Action)check)();
                }
                catch (Exception e) when (Common.InternalErrors.Contain(ExitChecksSite, e))
                {
                    // The other exit-time checks still run.
                }
            }
        }
        // Under a test runner (fail_tests) the runner's own exit code stands: `sharpsan test` reads the findings.
        if (ReportCount > 0 && !s_options.FailTests)
        {
            // The exit code the app chose is already decided by now; only _exit can replace it.
            Console.Out.Flush();
            Console.Error.Flush();
            StopAtReport.BeforeDying(s_options, Pid);
            if (StopAtReport.AbortsOnDeath(s_options)) StopAtReport.Abort(Pid);
            LibC._exit(s_exitCodeOnReport);
        }
    }
}
