using SharpSan.Integration.Tests.Infrastructure;

namespace SharpSan.Integration.Tests;

/// <summary>Runs alone, after the parallel tests, because one assertion compares start-up times.</summary>
[CollectionDefinition(nameof(SerialCollection), DisableParallelization = true)]
public sealed class SerialCollection;

/// <summary>
/// `sharpsan run` keeps instrumented copies (beside the app's folder) by content (README: "A second run of an unchanged app starts at once"):
/// an unchanged app is not instrumented again; a rebuilt, changed app is.
/// </summary>
[Collection(nameof(SerialCollection))]
public sealed class CacheTests
{
    [Fact]
    public async Task SecondRunOfUnchangedAppUsesTheCache_ChangedAppIsInstrumentedAgain()
    {
        string original = await AppBuilder.BuildAsync("Basic");
        string changed = await AppBuilder.BuildAsync("Basic", "changed", "-p:DefineConstants=CHANGED");
        string app = TestPaths.NewDirectory("cached-app");
        TestPaths.CopyDirectory(original, app);
        string dll = Path.Combine(app, "Basic.dll");
        string cache = TestPaths.NewDirectory("cache", create: false);

        var first = await SharpSanCli.Run(cache, dll);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("instrumenting Basic.dll", first.StdErr);
        Assert.Equal("basic: sum=100", first.StdOut.Trim());
        string entry = Assert.Single(CopiesOf(app));
        string cachedDll = Path.Combine(entry, "Basic.dll");
        var cachedWrite = File.GetLastWriteTimeUtc(cachedDll);
        var cachedBytes = File.ReadAllBytes(cachedDll);

        var cachedRuns = new List<ProcessResult>();
        for (int i = 0; i < 3; i++) cachedRuns.Add(await SharpSanCli.Run(cache, dll));

        foreach (var again in cachedRuns)
        {
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.DoesNotContain("instrumenting", again.StdErr);
            Assert.Equal("basic: sum=100", again.StdOut.Trim());
        }
        Assert.Equal(entry, Assert.Single(CopiesOf(app)));
        Assert.Equal(cachedWrite, File.GetLastWriteTimeUtc(cachedDll));
        Assert.Equal(cachedBytes, File.ReadAllBytes(cachedDll));
        // Skipping the rewriter (Cecil, the passes, writing) must show. The fastest of three cached runs is compared
        // so that an unlucky scheduling hiccup does not decide it.
        var cached = cachedRuns.Min(r => r.Elapsed);
        Assert.True(cached < first.Elapsed, $"cached start {cached.TotalMilliseconds:F0} ms is not faster than the first, instrumenting run ({first.Elapsed.TotalMilliseconds:F0} ms)");

        // The cached copy still reports (arguments are not part of the cache key, the code is).
        var overflow = await SharpSanCli.Run(cache, dll, ["overflow"]);
        Assert.True(overflow.ExitCode == 1, overflow.ToString());
        Assert.DoesNotContain("instrumenting", overflow.StdErr);
        Reports.AssertSingle(overflow, "heap-buffer-overflow");

        // Rebuild with different code into the same folder: instrumented again, the new code runs.
        TestPaths.CopyDirectory(changed, app);
        var afterChange = await SharpSanCli.Run(cache, dll);
        Assert.True(afterChange.ExitCode == 0, afterChange.ToString());
        Assert.Contains("instrumenting Basic.dll", afterChange.StdErr);
        Assert.Equal("basic: variant B, sum=100", afterChange.StdOut.Trim());
        Assert.Equal(2, CopiesOf(app).Count);   // the older copy stays a while: a run that just found it may be starting from it

        var afterChangeAgain = await SharpSanCli.Run(cache, dll);
        Assert.DoesNotContain("instrumenting", afterChangeAgain.StdErr);
        Assert.Equal("basic: variant B, sum=100", afterChangeAgain.StdOut.Trim());
    }

    [Fact]
    public async Task ChangedFileInASubfolderOfTheApp_IsNotServedStaleFromTheCache()
    {
        string app = TestPaths.NewDirectory("app-with-data");
        TestPaths.CopyDirectory(await AppBuilder.BuildAsync("Basic"), app);
        Directory.CreateDirectory(Path.Combine(app, "data"));
        File.WriteAllText(Path.Combine(app, "data", "message.txt"), "one");
        string cache = TestPaths.NewDirectory("cache", create: false);

        var first = await SharpSanCli.Run(cache, Path.Combine(app, "Basic.dll"));
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("basic: message=one", first.StdOut);

        // The user edits a content file of the app (as a rebuild with a changed appsettings/wwwroot file would).
        File.WriteAllText(Path.Combine(app, "data", "message.txt"), "two");
        var second = await SharpSanCli.Run(cache, Path.Combine(app, "Basic.dll"));

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("basic: message=two", second.StdOut);
    }

    /// <summary>The instrumented copies of an app folder: beside it, named after it (InstrumentedCopies).</summary>
    static IReadOnlyList<string> CopiesOf(string app) =>
        Directory.GetDirectories(Path.GetDirectoryName(app)!, Path.GetFileName(app) + ".sharpsan-address-*");
}
