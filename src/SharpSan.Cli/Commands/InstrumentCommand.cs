using System.CommandLine;
using SharpSan.Instrumentation.Application;

namespace SharpSan.Cli.Commands;

/// <summary><c>sharpsan instrument &lt;assembly|dir&gt; --sanitize list [--output DIR]</c></summary>
internal static class InstrumentCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "An application assembly (its folder is taken along) or a folder of assemblies." };
        var output = new Option<string>("--output", "-o") { Description = "Folder for the instrumented copy (default: <input folder>.sharpsan next to it)." };
        var sanitize = CommonOptions.Sanitize();
        var include = CommonOptions.Include();
        var exclude = CommonOptions.Exclude();
        var jobs = new Option<int>("--jobs", "-j") { Description = "Assemblies rewritten at once (default: one per core); the output is the same for any number." };
        var command = new Command("instrument", "Write instrumented copies of an application's assemblies, their PDBs and the runtime into a separate folder.")
        {
            input, output, sanitize, include, exclude, jobs,
        };
        command.SetAction(result =>
        {
            string? sanitizers = CommonOptions.ParseSanitizers(result.GetValue(sanitize)!);
            if (sanitizers is null) return 2;
            if (CommonOptions.ChoicesFromEnvironment() is not { } choices) return 2;
            if (result.GetValue(jobs) < 0)
            {
                CommonOptions.Error($"--jobs must be 1 or more (0 or none: one per core), got {result.GetValue(jobs)}");
                return 2;
            }
            string path = result.GetValue(input)!;
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                CommonOptions.Error($"no such file or directory: {path}");
                return 2;
            }
            string full = Path.GetFullPath(path);
            string appDir = File.Exists(full) ? Path.GetDirectoryName(full)! : full.TrimEnd('/');
            string outDir = result.GetValue(output) ?? appDir + ".sharpsan";
            try
            {
                var instrumenter = new AppInstrumenter(CommonOptions.LoadRuntime(), Progress.Line, result.GetValue(jobs));
                var report = instrumenter.Instrument(new InstrumentRequest(path, outDir, result.GetValue(include) ?? [], result.GetValue(exclude) ?? [], sanitizers, choices.Recover, choices.Heuristic));
                foreach (var a in report.Assemblies.Where(a => a.Action != "copied" || result.GetValue(include) is { Length: > 0 }))
                    Console.Error.WriteLine($"  {a.Action,-12} {a.FileName}: {a.Detail}");
                CommonOptions.Info($"wrote {report.OutputDirectory}");
                return report.Assemblies.Any(a => a.Action == "instrumented") ? 0 : 1;
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or NotSupportedException)
            {
                CommonOptions.Error(e.Message);
                return 2;
            }
        });
        return command;
    }
}
