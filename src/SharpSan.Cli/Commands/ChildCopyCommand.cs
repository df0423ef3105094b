using System.CommandLine;
using SharpSan.Instrumentation.Application;

namespace SharpSan.Cli.Commands;

/// <summary>
/// <c>sharpsan child-copy --sanitize list -- App.dll</c> (hidden; run by SharpSan.ChildHook): instruments a child
/// process's app as `run` would (the same cached copies beside its folder) and prints the instrumented main assembly's
/// path as the last line of stdout. Quiet on success unless the parent run was verbose: the child's stderr is the
/// parent program's to read.
/// </summary>
internal static class ChildCopyCommand
{
    public static Command Create()
    {
        var sanitize = CommonOptions.Sanitize();
        var app = new Argument<string>("app") { Description = "The child's main assembly." };
        var command = new Command("child-copy", "Instrument a child process's application (used by the child-process hook).") { sanitize, app };
        command.Hidden = true;
        command.SetAction(result => Run(result.GetValue(sanitize)!, result.GetValue(app)!));
        return command;
    }

    static int Run(string sanitize, string appPath)
    {
        if (CommonOptions.ParseSanitizers(sanitize) is not { } sanitizers) return 2;
        if (CommonOptions.ChoicesFromEnvironment() is not { } choices) return 2;
        bool verbose = Environment.GetEnvironmentVariable("SHARPSAN_CHILD_VERBOSE") == "1";
        try
        {
            var instrumenter = new AppInstrumenter(CommonOptions.LoadRuntime(), verbose ? Progress.Line : _ => { });
            var request = new InstrumentRequest(appPath, "", [], [], sanitizers, choices.Recover, choices.Heuristic);
            using var copy = new InstrumentedCopies(instrumenter, CacheDirectory.Root).Obtain(request, reuse: true);
            if (verbose)
            {
                Progress.Done();
                CoverageAccount.Print(copy.Report, verbose: false, CoverageAccount.RepositoryRoot(appPath), subject: $"child {Path.GetFileName(appPath)}");
            }
            Console.WriteLine(copy.Report.MainAssembly);
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            CommonOptions.Error(e.Message);
            return 2;
        }
    }
}
