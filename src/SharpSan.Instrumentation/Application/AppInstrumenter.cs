using SharpSan.Instrumentation.Pipeline;

namespace SharpSan.Instrumentation.Application;

public sealed record InstrumentRequest(
    string Input,
    string OutputDirectory,
    IReadOnlyList<string> Include,
    IReadOnlyList<string> Exclude,
    string Sanitizers = "address",
    bool Recover = false,
    bool Heuristic = true);

public sealed record AssemblyOutcome(string FileName, string Action, string Detail);

/// <param name="FromCache">The copy was made by an earlier run (its outcomes are that run's).</param>
/// <param name="Placement">Where the copy lives when that is not beside the app's folder, and why; null otherwise.</param>
public sealed record InstrumentReport(string OutputDirectory, string? MainAssembly, IReadOnlyList<AssemblyOutcome> Assemblies, bool FromCache, string? Placement = null);

/// <summary>
/// Instruments an application folder (or one assembly and its folder) into a separate output folder: copies
/// the folder, rewrites the selected assemblies, adds SharpSan.Runtime and registers it in the deps.json.
/// The input folder is never written to.
/// </summary>
/// <param name="parallelism">How many assemblies are rewritten at once (each worker reads its own runtime library);
/// the output does not depend on it.</param>
public sealed class AppInstrumenter(RuntimeLibrary runtime, Action<string>? progress = null, int parallelism = 0)
{
    /// <summary>Written last into a finished copy; holds the rewriter's stamp.</summary>
    public const string CompleteMarker = ".sharpsan-complete";

    public RuntimeLibrary Runtime => runtime;

    readonly int parallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount;

    /// <summary>In an outcome's detail: the assembly had no PDB, so its frames show IL offsets instead of file:line.</summary>
    public const string NoSymbols = "no PDB (reports show IL offsets, not file:line)";

    public InstrumentReport Instrument(InstrumentRequest request)
    {
        string input = Path.GetFullPath(request.Input);
        bool single = File.Exists(input);
        string appDir = single ? Path.GetDirectoryName(input)! : Path.TrimEndingDirectorySeparator(input);
        if (!single && !Directory.Exists(appDir)) throw new FileNotFoundException($"no such file or directory: {request.Input}");
        appDir = RealPath(appDir);
        string output = RealPath(Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.OutputDirectory)));
        if (IsUnder(output, appDir))
            throw new ArgumentException($"the output folder ({output}) must not be inside the input folder ({appDir})");
        if (string.Equals(output, appDir, StringComparison.Ordinal))
            throw new ArgumentException($"the output folder must differ from the input folder ({appDir}); originals are never modified");

        string? main = single ? Path.GetFileName(input) : null;
        var deps = main is null ? null : DepsJson.Load(Path.Combine(appDir, Path.ChangeExtension(main, ".deps.json")));
        var selection = new AssemblySelection(request.Include, request.Exclude);
        var candidates = Directory.EnumerateFiles(appDir, "*.*", SearchOption.TopDirectoryOnly)
            .Where(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".exe", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal).ToList();

        CopyTree(appDir, output);
        var sanitizers = request.Sanitizers.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var rewriter = RewriterFor(runtime, sanitizers, request);
        var outcomes = new List<AssemblyOutcome>();
        var selected = new List<string>();
        foreach (var file in candidates)
        {
            var (take, why) = selection.Decide(Path.GetFileName(file), deps, main ?? "");
            if (take) selected.Add(file);
            else outcomes.Add(new AssemblyOutcome(Path.GetFileName(file), "copied", why));
        }
        string frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var results = new RewriteResult[selected.Count];
        int started = 0;
        void RewriteOne(AssemblyRewriter with, int k)
        {
            string file = selected[k];
            string name = Path.GetFileName(file);
            lock (results) progress?.Invoke($"[{++started}/{selected.Count}] instrumenting {name}");
            try
            {
                results[k] = with.Rewrite(file, Path.Combine(output, name), [appDir, frameworkDir]);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The copied original stays in the output; the app still runs, this assembly unchecked.
                File.Copy(file, Path.Combine(output, name), overwrite: true);
                if (Environment.GetEnvironmentVariable("SHARPSAN_DEBUG") == "1") Console.Error.WriteLine(e);
                results[k] = new RewriteResult(file, RewriteStatus.Refused, $"could not be rewritten ({e.GetType().Name}: {e.Message})");
            }
        }
        // Largest first, so that one big assembly does not start last and leave the other workers idle.
        var order = Enumerable.Range(0, selected.Count).OrderByDescending(k => new FileInfo(selected[k]).Length).ThenBy(k => k).ToArray();
        int workers = Math.Clamp(parallelism, 1, Math.Max(1, selected.Count));
        if (workers == 1)
        {
            foreach (int k in order) RewriteOne(rewriter, k);
        }
        else
        {
            // Cecil's modules are not thread-safe and the passes keep per-run state: each worker reads its own copy of
            // the runtime library and has its own rewriter; the assemblies themselves are independent.
            int next = -1;
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            {
                var own = w == 0 ? rewriter : RewriterFor(new RuntimeLibrary(runtime.Path), sanitizers, request);
                for (int i = Interlocked.Increment(ref next); i < order.Length; i = Interlocked.Increment(ref next)) RewriteOne(own, order[i]);
            });
        }
        for (int k = 0; k < selected.Count; k++)
        {
            var result = results[k];
            string name = Path.GetFileName(selected[k]);
            outcomes.Add(result.Status == RewriteStatus.Instrumented
                ? new AssemblyOutcome(name, "instrumented", $"{result.Methods} methods, {result.Checks} checks" + (result.HasSymbols ? "" : "; " + NoSymbols)
                    + (result.Warnings is { Count: > 0 } w ? $"; {w.Count} warning(s): {string.Join("; ", w.Take(3))}" : ""))
                : new AssemblyOutcome(name, "skipped", result.Reason!));
        }
        File.Copy(runtime.Path, Path.Combine(output, RuntimeLibrary.AssemblyName + ".dll"), overwrite: true);
        string runtimePdb = Path.ChangeExtension(runtime.Path, ".pdb");
        if (File.Exists(runtimePdb)) File.Copy(runtimePdb, Path.Combine(output, RuntimeLibrary.AssemblyName + ".pdb"), overwrite: true);
        if (sanitizers is ["guard"]) GuardReporter.Record(output);
        foreach (var depsFile in Directory.EnumerateFiles(output, "*.deps.json"))
        {
            var d = DepsJson.Load(depsFile);
            d?.AddRuntime(runtime.Version);
            d?.Save(depsFile);
        }
        AssemblyOutcomes.Save(output, outcomes);
        File.WriteAllText(Path.Combine(output, CompleteMarker), rewriter.Stamp);
        return new InstrumentReport(output, main is null ? null : Path.Combine(output, main), outcomes, false);
    }

    static AssemblyRewriter RewriterFor(RuntimeLibrary runtime, string[] sanitizers, InstrumentRequest request) =>
        sanitizers is ["guard"] ? AssemblyRewriter.ForGuard(runtime)
        : sanitizers.Contains("memory") ? AssemblyRewriter.ForMemoryWith(runtime, sanitizers.Contains("address"), sanitizers.Contains("thread"), request.Recover, request.Heuristic)
        : (sanitizers.Contains("address"), sanitizers.Contains("thread")) switch
        {
            (true, true) => AssemblyRewriter.ForAddressAndThread(runtime, request.Recover, request.Heuristic),
            (true, false) => AssemblyRewriter.ForAddress(runtime, request.Recover, request.Heuristic),
            (false, true) => AssemblyRewriter.ForThread(runtime),
            _ => throw new NotSupportedException($"sanitizers '{request.Sanitizers}' are not implemented yet; 'address', 'thread' and 'memory' (alone or together) and 'guard' (alone) are"),
        };

    static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }

    /// <summary>The folder's path with symbolic links resolved (also for a folder that does not exist yet, via its parent).</summary>
    internal static string RealPath(string path)
    {
        var info = new DirectoryInfo(path);
        if (info.Exists) return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
        string? parent = Path.GetDirectoryName(path);
        return parent is null ? path : Path.Combine(RealPath(parent), info.Name);
    }

    static bool IsUnder(string path, string root) =>
        path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
