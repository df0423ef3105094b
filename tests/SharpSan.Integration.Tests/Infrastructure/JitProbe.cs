namespace SharpSan.Integration.Tests.Infrastructure;

/// <summary>
/// Makes invalid IL show up at test time (ILVerify does not restore here): the JitProbe app (Apps/JitProbe) forces
/// the JIT over every method of every assembly it is given — nested and compiler-generated types, constructors, type
/// initializers, accessors; generic types and methods over one value-type and one reference-type instantiation that
/// satisfy their constraints — with RuntimeHelpers.PrepareMethod, in a child process, and lists the methods the JIT or
/// the type loader refuses (InvalidProgramException, BadImageFormatException, VerificationException, TypeLoadException,
/// …). A rewrite is correct when the instrumented copy fails on nothing the original does not fail on.
/// <para>Entry point for other tests: <see cref="AssertNoNewInvalidPrograms"/> with the app's original output folder
/// and the folder `sharpsan instrument --output` wrote (SharpSan.Runtime.dll beside the rewritten assemblies):
/// <code>
///   string app = await AppBuilder.BuildAsync("MyApp");
///   string output = TestPaths.NewDirectory("myapp-instrumented", create: false);
///   var result = await SharpSanCli.Instrument(Path.Combine(app, "MyApp.dll"), output, "--sanitize", "thread", "--include", "Package.dll");
///   Assert.True(result.ExitCode == 0, result.ToString());
///   await JitProbe.AssertNoNewInvalidPrograms(app, output);   // probes every stamped assembly of output
/// </code>
/// Cost, measured on the shared 2-core machine under load: 3–5 s per folder for CommunityToolkit.HighPerformance
/// (1,100 methods), 0.2 s for a small app; Roslyn (Microsoft.CodeAnalysis + CSharp, 82,000 methods) 30–55 s per folder,
/// so keep such giants out of the default run.</para>
/// </summary>
public static class JitProbe
{
    public sealed record Failure(string Assembly, string Method, string Error)
    {
        public override string ToString() => $"{Assembly}: {Method}: {Error}";
    }

    /// <summary>What one probe of a folder found.</summary>
    public sealed record Result(string Folder, IReadOnlyList<string> Assemblies, int Prepared, IReadOnlyList<Failure> Failures,
        IReadOnlyList<string> Skipped, TimeSpan Elapsed);

    /// <summary>Methods that fail only in the instrumented copy, with both probes for the test's message.</summary>
    public sealed record Comparison(Result Original, Result Instrumented, IReadOnlyList<Failure> NewFailures)
    {
        public override string ToString() =>
            $"{Instrumented.Assemblies.Count} assemblies: {Original.Prepared} methods compiled in the original ({Original.Elapsed.TotalSeconds:F1} s), " +
            $"{Instrumented.Prepared} in the instrumented copy ({Instrumented.Elapsed.TotalSeconds:F1} s); " +
            $"{Original.Failures.Count} failures in the original, {Instrumented.Failures.Count} in the copy, {NewFailures.Count} new; " +
            $"{Instrumented.Skipped.Count} generic members skipped (no instantiation satisfies their constraints)";
    }

    /// <summary>
    /// Probes the instrumented assemblies of <paramref name="instrumentedDir"/> (those carrying SharpSan's stamp, unless
    /// <paramref name="assemblies"/> names them) and the same files in <paramref name="originalDir"/>; fails, listing
    /// them, if any method fails to compile in the copy but not in the original (same method, same instantiation, same
    /// exception type). Returns the comparison (timings, counts) for the caller to log.
    /// </summary>
    public static async Task<Comparison> AssertNoNewInvalidPrograms(string originalDir, string instrumentedDir, IEnumerable<string>? assemblies = null)
    {
        var names = (assemblies ?? InstrumentedAssemblies(instrumentedDir)).ToList();
        Assert.True(names.Count > 0, $"no instrumented assembly in {instrumentedDir}");
        var original = await ProbeAsync(originalDir, names);
        var instrumented = await ProbeAsync(instrumentedDir, names);
        var before = original.Failures.Select(Key).ToHashSet();
        var comparison = new Comparison(original, instrumented, instrumented.Failures.Where(f => !before.Contains(Key(f))).ToList());
        Assert.True(comparison.NewFailures.Count == 0,
            $"the JIT refuses {comparison.NewFailures.Count} instrumented method(s) that compile in the original:\n  " +
            string.Join("\n  ", comparison.NewFailures.Take(50)) + $"\n({comparison})");
        Assert.True(instrumented.Prepared >= original.Prepared, $"fewer methods compiled in the copy than in the original: {comparison}");
        return comparison;
    }

    /// <summary>Runs the probe over <paramref name="assemblies"/> (file names) of <paramref name="folder"/>, in a child process.</summary>
    public static async Task<Result> ProbeAsync(string folder, IReadOnlyList<string> assemblies, TimeSpan? timeout = null)
    {
        string probe = Path.Combine(await AppBuilder.BuildAsync("JitProbe"), "JitProbe.dll");
        var run = await ProcessRunner.RunAsync(ProcessRunner.Dotnet, [probe, folder, .. assemblies], timeout: timeout ?? TimeSpan.FromMinutes(5));
        var lines = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split('\t')).ToList();
        var done = lines.LastOrDefault(f => f[0] == "DONE");
        Assert.True(run.ExitCode == 0 && done is { Length: 6 }, $"the JIT probe did not finish:\n{run}");
        return new Result(folder, assemblies, int.Parse(done[2]),
            [.. lines.Where(f => f[0] == "FAIL" && f.Length == 4).Select(f => new Failure(f[1], f[2], f[3]))],
            [.. lines.Where(f => f[0] == "SKIP" && f.Length == 4).Select(f => $"{f[1]}: {f[2]}: {f[3]}")],
            TimeSpan.FromMilliseconds(long.Parse(done[5])));
    }

    /// <summary>The assemblies of a folder that carry SharpSan's instrumentation stamp.</summary>
    public static IReadOnlyList<string> InstrumentedAssemblies(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.dll").Where(IsInstrumented).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    static bool IsInstrumented(string file)
    {
        try { return Reports.AssemblyMetadata(file, "SharpSan.Instrumented") is not null; }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException) { return false; }   // a native library
    }

    /// <summary>A failure is the same in both folders when the method and the exception type match (messages may differ).</summary>
    static string Key(Failure f) => $"{f.Assembly}\t{f.Method}\t{f.Error.Split(':')[0]}";
}
