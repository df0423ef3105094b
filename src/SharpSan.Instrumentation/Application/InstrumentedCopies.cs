using System.Security.Cryptography;
using System.Text;

namespace SharpSan.Instrumentation.Application;

/// <summary>
/// Where `run` and `test` keep instrumented copies, and when they reuse one.
/// <para>
/// A copy lives beside the app's folder, as its sibling (<c>bin/Debug/net10.0.sharpsan-address-1f2e3d4c</c> next to
/// <c>bin/Debug/net10.0</c>): at the same depth of the same tree, every path a program computes from its own location
/// (<c>../../../TestData</c>, walking up to the repository root) resolves as it does for the original. A copy is named by
/// the sanitizers and a hash of the folder's content, the tool and the options, so an unchanged app is instrumented once;
/// when the app changes, the new copy replaces the older ones of the same sanitizers that no process is using. A folder
/// whose parent cannot be written to is copied into the cache folder instead (SHARPSAN_CACHE, ~/.cache/sharpsan).
/// A copy also records the sizes and modification times of the files it was found to match, so that a run over an
/// untouched folder reuses it without reading the folder's content.
/// </para>
/// <para>
/// A run holds a shared lock on its copy's lock file while the program runs; removing an old copy takes the lock
/// exclusively, so a copy in use is never deleted under a running program.
/// </para>
/// </summary>
public sealed class InstrumentedCopies(AppInstrumenter instrumenter, string fallbackRoot)
{
    const string LockFile = ".sharpsan-lock";
    /// <summary>In a copy: the <see cref="StatKey"/> of the app folder it was last found to match.</summary>
    const string StatFile = ".sharpsan-stat";
    const string Infix = ".sharpsan-";
    const string StagingSuffix = ".tmp-";
    /// <summary>An older copy is removed only when nobody used it for this long (a run that found it may be about to lock it).</summary>
    static readonly TimeSpan s_pruneAfter = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A copy of <paramref name="request"/>'s app, reused when one exists; <paramref name="reuse"/> false makes a fresh
    /// one that is deleted when the lease ends. Dispose the lease when the program has finished.
    /// </summary>
    public InstrumentedCopy Obtain(InstrumentRequest request, bool reuse = true)
    {
        string input = Path.GetFullPath(request.Input);
        string appDir = AppInstrumenter.RealPath(File.Exists(input) ? Path.GetDirectoryName(input)! : Path.TrimEndingDirectorySeparator(input));
        string? mainName = File.Exists(input) ? Path.GetFileName(input) : null;
        string prefix = Path.GetFileName(appDir) + Infix + request.Sanitizers.Replace(',', '+') + "-";
        string parent = Path.GetDirectoryName(appDir) ?? appDir;
        string stat = StatKey(appDir, request);

        string? placement = null;
        if (!CanWriteTo(parent))
        {
            placement = $"in the cache ({fallbackRoot}), because {parent} cannot be written to: paths the program computes from its own location differ from the original's";
            parent = fallbackRoot;
            Directory.CreateDirectory(parent);
        }
        if (reuse && TryReuseByStat(parent, prefix, stat, mainName) is { } same)
            return new InstrumentedCopy(same.Report with { Placement = placement }, same.Lease);
        string key = Key(appDir, request);
        string target = Path.Combine(parent, prefix + key[..12]);

        if (!reuse)
        {
            string fresh = target + "-fresh-" + Environment.ProcessId;
            var freshReport = instrumenter.Instrument(request with { OutputDirectory = fresh }) with { Placement = placement };
            return new InstrumentedCopy(freshReport, AcquireShared(fresh), deleteOnDispose: fresh);
        }
        if (TryReuse(target, mainName) is { } reused)
        {
            RecordStat(target, stat);
            return new InstrumentedCopy(reused.Report with { Placement = placement }, reused.Lease);
        }

        // Hidden (a leading dot) so that pruning never takes another run's unfinished copy for an old one.
        string staging = Path.Combine(parent, "." + Path.GetFileName(target) + StagingSuffix + Environment.ProcessId);
        if (Directory.Exists(staging)) Directory.Delete(staging, true);
        var report = instrumenter.Instrument(request with { OutputDirectory = staging });
        File.WriteAllText(Path.Combine(staging, LockFile), "");
        try
        {
            Directory.Move(staging, target);
        }
        catch (IOException)
        {
            // Another run finished the same copy first: use theirs (ours was identical).
            if (TryReuse(target, mainName) is { } theirs)
            {
                Directory.Delete(staging, true);
                return new InstrumentedCopy(theirs.Report with { Placement = placement }, theirs.Lease);
            }
            // The target is being removed or is unusable: run from the staging folder (same depth) and drop it after.
            return new InstrumentedCopy(report with { Placement = placement }, AcquireShared(staging), deleteOnDispose: staging);
        }
        var lease = AcquireShared(target);
        RecordStat(target, stat);
        PruneOlderCopies(parent, prefix, target);
        return new InstrumentedCopy(Relocate(report, staging, target) with { Placement = placement }, lease);
    }

    static (InstrumentReport Report, IDisposable Lease)? TryReuse(string copy, string? mainName)
    {
        if (!Directory.Exists(copy)) return null;
        IDisposable lease;
        try
        {
            lease = AcquireShared(copy);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;   // being removed by another run, or never finished
        }
        if (!File.Exists(Path.Combine(copy, AppInstrumenter.CompleteMarker)))
        {
            lease.Dispose();
            return null;
        }
        var report = new InstrumentReport(copy, mainName is null ? null : Path.Combine(copy, mainName), AssemblyOutcomes.Load(copy), FromCache: true);
        return (report, lease);
    }

    /// <summary>
    /// Removes the copies of the same app and sanitizers other than <paramref name="keep"/> unless in use or recently
    /// used, and the staging folders of runs that died before finishing theirs.
    /// </summary>
    static void PruneOlderCopies(string parent, string prefix, string keep)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, prefix + "*"))
        {
            if (string.Equals(dir, keep, StringComparison.Ordinal)) continue;
            string lockPath = Path.Combine(dir, LockFile);
            try
            {
                var lastUse = File.Exists(lockPath) ? File.GetLastWriteTimeUtc(lockPath) : Directory.GetLastWriteTimeUtc(dir);
                if (DateTime.UtcNow - lastUse < s_pruneAfter) continue;
                using var exclusive = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                Directory.Delete(dir, true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // In use (the lock is held) or already gone: leave it.
            }
        }
        foreach (var staging in Directory.EnumerateDirectories(parent, "." + prefix + "*" + StagingSuffix + "*"))
        {
            if (!int.TryParse(staging[(staging.LastIndexOf(StagingSuffix, StringComparison.Ordinal) + StagingSuffix.Length)..], out int pid) || IsAlive(pid)) continue;
            try { Directory.Delete(staging, true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A shared lock on the copy's lock file (flock on Unix), touched so that pruning sees the copy as used.</summary>
    static IDisposable AcquireShared(string copy)
    {
        string path = Path.Combine(copy, LockFile);
        if (!File.Exists(path)) File.WriteAllText(path, "");
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        try { File.SetLastWriteTimeUtc(path, DateTime.UtcNow); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return stream;
    }

    static InstrumentReport Relocate(InstrumentReport report, string from, string to) =>
        report with { OutputDirectory = to, MainAssembly = report.MainAssembly is null ? null : Path.Combine(to, Path.GetRelativePath(from, report.MainAssembly)) };

    static bool CanWriteTo(string folder)
    {
        string probe = Path.Combine(folder, $".sharpsan-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// A copy whose recorded <see cref="StatKey"/> is <paramref name="stat"/>: the app's files have the sizes and times
    /// they had when the copy was made or last found by content, so hashing their content again is not needed.
    /// </summary>
    static (InstrumentReport Report, IDisposable Lease)? TryReuseByStat(string parent, string prefix, string stat, string? mainName)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, prefix + "*"))
        {
            string recorded = Path.Combine(dir, StatFile);
            try
            {
                if (!File.Exists(recorded) || File.ReadAllText(recorded) != stat) continue;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            if (TryReuse(dir, mainName) is { } reused) return reused;
        }
        return null;
    }

    /// <summary>Remembers which file sizes and times <paramref name="copy"/> was made from (written whole, by rename).</summary>
    static void RecordStat(string copy, string stat)
    {
        string path = Path.Combine(copy, StatFile);
        string temporary = path + ".tmp-" + Environment.ProcessId;
        try
        {
            File.WriteAllText(temporary, stat);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a shortcut: the next run hashes the content instead.
        }
    }

    /// <summary>A hash of everything that decides the copy's content: the tool, the options and every file of the app folder.</summary>
    string Key(string appDir, InstrumentRequest request) => Hash(request, sha =>
    {
        Add(sha, Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(instrumenter.Runtime.Path))));
        // The whole tree is copied, so the whole tree is hashed (satellite assemblies, runtimes/, data files).
        foreach (var file in AppFiles(appDir))
        {
            Add(sha, Path.GetRelativePath(appDir, file));
            var bytes = SHA256.HashData(File.ReadAllBytes(file));
            sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
        }
    });

    /// <summary>
    /// The same inputs as <see cref="Key"/>, each file by its size and modification time rather than its content
    /// (what make and ccache trust): a cached run costs a directory walk instead of reading and hashing every assembly.
    /// Kept as plain text, so that checking it loads no hashing library either.
    /// </summary>
    string StatKey(string appDir, InstrumentRequest request)
    {
        var runtime = instrumenter.Runtime;
        var text = new StringBuilder();
        text.AppendLine(runtime.Version).AppendLine(Stat(new FileInfo(runtime.Path)));
        text.AppendLine(typeof(AppInstrumenter).Assembly.ManifestModule.ModuleVersionId.ToString());
        text.AppendLine(string.Join("|", Path.GetFileName(request.Input), request.Sanitizers, request.Recover, request.Heuristic,
            string.Join(",", request.Include), string.Join(",", request.Exclude)));
        foreach (var file in AppFiles(appDir)) text.Append(Path.GetRelativePath(appDir, file)).Append(' ').AppendLine(Stat(new FileInfo(file)));
        return text.ToString();
    }

    static string Stat(FileInfo file) => $"{file.Length} {file.LastWriteTimeUtc.Ticks}";

    static IEnumerable<string> AppFiles(string appDir) =>
        Directory.EnumerateFiles(appDir, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal);

    string Hash(InstrumentRequest request, Action<SHA256> addFiles)
    {
        var runtime = instrumenter.Runtime;
        using var sha = SHA256.Create();
        Add(sha, runtime.Version);
        Add(sha, File.GetLastWriteTimeUtc(runtime.Path).Ticks.ToString());
        Add(sha, typeof(AppInstrumenter).Assembly.ManifestModule.ModuleVersionId.ToString());   // a rebuilt rewriter invalidates the copy
        Add(sha, Path.GetFileName(request.Input));
        Add(sha, request.Sanitizers);
        Add(sha, request.Recover ? "recover" : "halt");
        Add(sha, request.Heuristic ? "sgcheck" : "no-sgcheck");
        Add(sha, string.Join(",", request.Include));
        Add(sha, string.Join(",", request.Exclude));
        addFiles(sha);
        sha.TransformFinalBlock([], 0, 0);
        return Convert.ToHexString(sha.Hash!).ToLowerInvariant();
    }

    static void Add(SHA256 sha, string s)
    {
        var b = Encoding.UTF8.GetBytes(s + "\n");
        sha.TransformBlock(b, 0, b.Length, null, 0);
    }
}

/// <summary>An instrumented copy in use: keep it until the program has finished, then dispose it.</summary>
public sealed class InstrumentedCopy(InstrumentReport report, IDisposable lease, string? deleteOnDispose = null) : IDisposable
{
    public InstrumentReport Report { get; } = report;

    public void Dispose()
    {
        lease.Dispose();
        if (deleteOnDispose is not null && Directory.Exists(deleteOnDispose))
        {
            try { Directory.Delete(deleteOnDispose, true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }
}
