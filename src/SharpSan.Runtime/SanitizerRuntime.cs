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
    static readonly HashSet<string> s_reported = [];
    static int s_initialized;
    static int s_reportCount;
    static int s_exitCodeOnReport = 1;
    static volatile bool s_halting, s_exiting;
    static readonly Lazy<Suppressions> s_suppressions = new(() => Suppressions.Load(s_options!.Suppressions));
    static ReportSink? s_sink;
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

    public static int ReportCount => Volatile.Read(ref s_reportCount);

    /// <summary>True once the process is exiting because of a report; exit-time checks (leaks) stay quiet then.</summary>
    public static bool IsHalting => s_halting;

    /// <summary>Exit-time work registered by sanitizers (the leak checker), run before the exit-code rule is applied.</summary>
    public static event Action? BeforeExit;

    public static void EnsureInitialized()
    {
        if (Volatile.Read(ref s_initialized) != 0 || Interlocked.Exchange(ref s_initialized, 1) != 0) return;
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
        _ = Common.Threads.ThreadRegistry.CurrentId;   // the thread that loads the first instrumented module is T0
        AppDomain.CurrentDomain.ProcessExit += (_, _) => OnProcessExit();
        if (s_options.Verbosity > 0)
            Console.Error.WriteLine($"=={Pid}==SharpSan runtime {typeof(SanitizerRuntime).Assembly.GetName().Version} initialised (shadow at 0x{Address.ShadowMemory.Base:x})");
    }

    /// <summary>True when the suppressions file has a rule of this kind matching a frame in <paramref name="reportText"/>.</summary>
    public static bool IsSuppressed(string kind, string reportText) => s_suppressions.Value.Matches(kind, reportText);

    /// <summary>Prints a finding (once per distinct bug) and halts when halt_on_error=1.</summary>
    public static void Report(ErrorReport error)
    {
        EnsureInitialized();
        if (s_halting) return;
        string text;
        lock (s_reportLock)
        {
            if (!s_reported.Add(error.Tool + ":" + error.DeduplicationKey)) return;
            var builder = new ReportBuilder();
            builder.Separator();
            error.Print(builder);
            text = builder.ToString();
            if (s_suppressions.Value.Matches(error.Kind, text)) return;
            s_exitCodeOnReport = s_options.ExitCode(error.DefaultExitCode);
            Interlocked.Increment(ref s_reportCount);
        }
        s_sink!.Write(text);
        if (s_options.HaltOnError && !s_exiting) Halt();
    }

    /// <summary>
    /// Reached when code instrumented without recovery (the default, like clang without -fsanitize-recover)
    /// reported an error that the runtime was told not to halt on (halt_on_error=0 or a suppression): such
    /// code has no path to continue, so the process stops here with an explanation.
    /// </summary>
    public static Exception CannotContinue()
    {
        Console.Error.WriteLine($"=={Pid}==SharpSan: this code was instrumented without recovery and cannot continue past an error; " +
            "set halt_on_error=0 (or suppressions) in SHARPSAN_OPTIONS before instrumenting (`sharpsan run` does this) to continue after reports.");
        Halt();
        return new InvalidOperationException("unreachable");
    }

    static void Halt()
    {
        s_halting = true;
        Console.Out.Flush();
        Environment.Exit(s_exitCodeOnReport);
    }

    static void OnProcessExit()
    {
        s_exiting = true;
        if (!s_halting)
        {
            try
            {
                BeforeExit?.Invoke();
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"=={Pid}==WARNING: SharpSan: exit-time check failed: {e}");
            }
        }
        if (ReportCount > 0)
        {
            // The exit code the app chose is already decided by now; only _exit can replace it.
            Console.Out.Flush();
            Console.Error.Flush();
            LibC._exit(s_exitCodeOnReport);
        }
    }
}
