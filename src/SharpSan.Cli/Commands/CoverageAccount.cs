using SharpSan.Instrumentation.Application;

namespace SharpSan.Cli.Commands;

/// <summary>
/// What the instrumentation phase checked, said at the end of it on every run (a run that reports nothing must be
/// believable): one line naming the instrumented assemblies and counting the rest; with --verbose, each assembly left
/// leftOut and why; a warning for an leftOut assembly whose PDB shows it was built from this repository's sources.
/// </summary>
internal static class CoverageAccount
{
    public static void Print(InstrumentReport report, bool verbose, string? repositoryRoot, string? subject = null)
    {
        string lead = subject is null ? "" : subject + ": ";
        var instrumented = report.Assemblies.Where(a => a.Action == "instrumented").Select(a => a.FileName).ToList();
        var leftOut = report.Assemblies.Where(a => a.Action == "copied").ToList();
        var refused = report.Assemblies.Where(a => a.Action == "skipped").ToList();

        string reused = report.FromCache ? " (a copy made by an earlier run)" : "";
        string list = instrumented.Count > 0 ? ": " + string.Join(", ", instrumented) : "";
        string rest = leftOut.Count > 0 ? $"; skipped {Count(leftOut.Count, "framework/package assembly", "framework/package assemblies")}" : "";
        string failed = refused.Count > 0 ? $"; {refused.Count} could not be instrumented" : "";
        CommonOptions.Info($"{lead}instrumented {Count(instrumented.Count, "assembly", "assemblies")}{reused}{list}{rest}{failed}");
        foreach (var a in refused)
            CommonOptions.Info($"{lead}{(a.FileName == MainFileName(report) ? "warning: the application itself was not instrumented: " : "")}skipped {a.FileName}: {a.Detail}");
        if (verbose)
            foreach (var a in leftOut) CommonOptions.Info($"{lead}  not instrumented: {a.FileName} ({a.Detail})");
        if (report.Placement is { } placement) CommonOptions.Info($"{lead}the instrumented copy is {placement}");

        if (repositoryRoot is null) return;
        foreach (var a in leftOut.Where(a => a.Detail != AssemblySelection.ExcludedByUser))
        {
            string path = Path.Combine(report.OutputDirectory, a.FileName);
            if (PdbSources.FirstUnder(path, repositoryRoot) is { } source)
                CommonOptions.Info($"{lead}warning: {a.FileName} was not instrumented ({a.Detail}), but it was built from this repository's sources " +
                                   $"({Path.GetRelativePath(repositoryRoot, source)}); add --include {a.FileName} to check it");
        }
    }

    static string? MainFileName(InstrumentReport report) => report.MainAssembly is null ? null : Path.GetFileName(report.MainAssembly);

    static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    /// <summary>
    /// The repository a path belongs to (the nearest folder above it with a .git), else the nearest folder with a
    /// solution file; null when there is neither.
    /// </summary>
    public static string? RepositoryRoot(string path)
    {
        string full = Path.GetFullPath(path);
        string start = File.Exists(full) ? Path.GetDirectoryName(full)! : full;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git"))) return dir.FullName;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (dir.Exists && (dir.EnumerateFiles("*.sln").Any() || dir.EnumerateFiles("*.slnx").Any())) return dir.FullName;
        return null;
    }
}
