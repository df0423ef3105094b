using System.Diagnostics;
using SharpSan.Runtime.Common.Options;

namespace SharpSan.Runtime.Common.Reporting;

/// <summary>
/// What a developer asks for to look at a finding in a debugger, as ASan's options do: stop after each report
/// (break_on_report), wait before dying so a debugger can attach (sleep_before_dying), or die by abort so the
/// runtime writes a crash dump (abort_on_error).
/// </summary>
static class StopAtReport
{
    const int DefaultBreakWaitSeconds = 30;
    static int s_dying;

    /// <summary>Called after a report was printed (and written to the findings), on the reporting thread.</summary>
    public static void AfterReport(SanitizerOptions options, int pid)
    {
        if (!options.GetBool("break_on_report")) return;
        if (Debugger.IsAttached)
        {
            Debugger.Break();
            return;
        }
        long seconds = options.IsSet("sleep_before_dying") ? options.GetInt("sleep_before_dying") : DefaultBreakWaitSeconds;
        PrintAttachHelp(pid, $"Waiting up to {seconds} second(s) for a debugger (break_on_report=1)");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed.TotalSeconds < seconds)
        {
            if (Debugger.IsAttached)
            {
                Debugger.Break();
                return;
            }
            Thread.Sleep(100);
        }
    }

    /// <summary>Called when the process is about to die because of a report, before it exits.</summary>
    public static void BeforeDying(SanitizerOptions options, int pid)
    {
        long seconds = options.GetInt("sleep_before_dying");
        if (seconds <= 0 || Interlocked.Exchange(ref s_dying, 1) != 0) return;   // a halt's exit passes here twice
        PrintAttachHelp(pid, $"Sleeping for {seconds} second(s)");
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
    }

    /// <summary>True when the process must die by abort (a crash dump) rather than exit with `exitcode`.</summary>
    public static bool AbortsOnDeath(SanitizerOptions options) => options.GetBool("abort_on_error");

    /// <summary>Dies by abort(), as ASan does: SIGABRT, which the runtime turns into a crash dump when DOTNET_DbgEnableMiniDump=1.</summary>
    public static void Abort(int pid)
    {
        Console.Error.WriteLine($"=={pid}==SharpSan: abort_on_error=1, aborting after the report above");
        Console.Out.Flush();
        Console.Error.Flush();
        Native.LibC.abort();
    }

    static void PrintAttachHelp(int pid, string what)
    {
        Console.Error.WriteLine($"=={pid}=={what}");
        Console.Error.WriteLine($"=={pid}==To attach: lldb -p {pid} (load SOS: `plugin load libsosplugin.so`, or `dotnet-sos install` once), " +
            $"or dotnet-dump collect -p {pid}, or a managed debugger (Visual Studio Code, Rider, netcoredbg --attach {pid})");
        Console.Error.Flush();
    }
}
