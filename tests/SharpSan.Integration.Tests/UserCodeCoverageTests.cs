using System.Security.Cryptography;
using System.Text;
using SharpSan.Integration.Tests.Infrastructure;

namespace SharpSan.Integration.Tests;

/// <summary>
/// The user's own code is never left unchecked silently, and checked code sees the folders it expects (Apps/TestSuites/
/// LayoutSuite):
/// - Codec's package id and project name differ from its assembly name (Acme.Codec), so the app's deps.json lists the
///   DLL twice, as a project and as a reference; it must be instrumented, and its overflow reported.
/// - Every run says which assemblies it instrumented; --verbose lists the others with the reason; Acme.Vendor, built
///   from the suite's sources but consumed as a NuGet package, is named in a warning that says to --include it.
/// - The instrumented copy runs beside the original output, so paths computed from the program's own folder
///   (../../../data, walking up to the repository root) resolve as they do in a plain run or a plain dotnet test.
/// </summary>
public sealed class UserCodeCoverageTests
{
    const string Suite = "LayoutSuite";
    static readonly Lazy<Task<string>> s_builtApp = new(() => PrepareAndBuildApp());

    /// <summary>A copy of the suite with a .git (its repository root) and Acme.Vendor packed into its feed/.</summary>
    static async Task<string> Prepare()
    {
        string suite = TestSuites.Copy(Suite);
        Directory.CreateDirectory(Path.Combine(suite, ".git"));
        // A version of this copy's own (NuGet's global folder would otherwise serve a build from another copy, whose PDB
        // names that copy's sources).
        string sources = suite + string.Concat(Directory.GetFiles(Path.Combine(suite, "Vendor")).Order(StringComparer.Ordinal).Select(File.ReadAllText));
        string version = "1.0.0-layout" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sources)))[..10].ToLowerInvariant();
        File.WriteAllText(Path.Combine(suite, "vendor.props"), $"<Project><PropertyGroup><VendorVersion>{version}</VendorVersion></PropertyGroup></Project>");
        var pack = await ProcessRunner.RunAsync(ProcessRunner.Dotnet,
            ["pack", Path.Combine(suite, "Vendor"), "-c", "Release", "-o", Path.Combine(suite, "feed"), $"-p:Version={version}", "-nodeReuse:false", "-p:UseSharedCompilation=false"],
            timeout: TimeSpan.FromMinutes(5));
        Assert.True(pack.ExitCode == 0, pack.ToString());
        return suite;
    }

    /// <returns>App.dll in App/bin/Release/net10.0 of a prepared suite.</returns>
    static async Task<string> PrepareAndBuildApp()
    {
        string suite = await Prepare();
        var build = await ProcessRunner.RunAsync(ProcessRunner.Dotnet,
            ["build", Path.Combine(suite, "App"), "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:ErrorsOnly;NoSummary"],
            timeout: TimeSpan.FromMinutes(5));
        Assert.True(build.ExitCode == 0, build.ToString());
        return Path.Combine(suite, "App", "bin", "Release", "net10.0", "App.dll");
    }

    [Fact]
    public async Task Run_ProjectWhosePackageIdDiffersFromItsAssemblyName_IsInstrumentedAndItsOverflowReported()
    {
        string app = await s_builtApp.Value;
        string deps = File.ReadAllText(Path.ChangeExtension(app, ".deps.json"));
        Assert.Matches("\"Acme.Codec.Core/1.0.0\"", deps);   // the shape that hid the library: listed as a project ...
        Assert.Matches("\"Acme.Codec/1.0.0.0\"", deps);      // ... and as a reference
        int bugLine = MarkerLine(app, "Codec/RunLength.cs", "BUG-OVERFLOW");

        var result = await SharpSanCli.Run(TestPaths.NewDirectory("cache"), app, ["overflow"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        string where = Reports.AssertSingle(result, "heap-buffer-overflow");
        Assert.Matches($@"/Codec/RunLength\.cs:{bugLine} in Acme\.Codec\.RunLength\.DecodeSum\(byte\[\], bool\)$", where);
    }

    [Fact]
    public async Task Run_SaysWhichAssembliesItChecked_AndNamesAPackageBuiltFromThisRepository()
    {
        string app = await s_builtApp.Value;
        string cache = TestPaths.NewDirectory("cache");

        var result = await SharpSanCli.Run(cache, app);
        var again = await SharpSanCli.Run(cache, app, sharpsanArgs: ["--verbose"]);

        foreach (var run in new[] { result, again })
        {
            Assert.True(run.ExitCode == 0, run.ToString());
            Reports.AssertClean(run);
            Assert.Matches(@"(?m)^sharpsan: instrumented 2 assemblies( \(a copy made by an earlier run\))?: Acme\.Codec\.dll, App\.dll; skipped 1 framework/package assembly$", run.StdErr);
            Assert.Matches(@"(?m)^sharpsan: warning: Acme\.Vendor\.dll was not instrumented \(NuGet package.*\), but it was built from this repository's sources \(Vendor/Checksum\.cs\); add --include Acme\.Vendor\.dll to check it$", run.StdErr);
        }
        Assert.Contains("(a copy made by an earlier run)", again.StdErr);
        Assert.DoesNotContain("not instrumented: ", result.StdErr);
        Assert.Matches(@"(?m)^sharpsan:   not instrumented: Acme\.Vendor\.dll \(NuGet package \(use --include to check it\)\)$", again.StdErr);

        var included = await SharpSanCli.Run(cache, app, sharpsanArgs: ["--include", "Acme.Vendor.dll"]);
        Assert.True(included.ExitCode == 0, included.ToString());
        Assert.Matches(@"(?m)^sharpsan: instrumented 3 assemblies: Acme\.Codec\.dll, Acme\.Vendor\.dll, App\.dll$", included.StdErr);
        Assert.DoesNotContain("warning:", included.StdErr);
    }

    [Fact]
    public async Task Run_ProgramFindsItsDataFromItsOwnFolder_AsWithoutSharpSan()
    {
        string app = await s_builtApp.Value;
        var plain = await SharpSanCli.RunDirect(app);
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains("hello from the app's data folder", plain.StdOut);
        Assert.Contains("repository root: ", plain.StdOut);

        var result = await SharpSanCli.Run(TestPaths.NewDirectory("cache"), app);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(plain.StdOut, result.StdOut);
        // The copy sits beside the original output folder, named by sanitizer and content.
        string output = Path.GetDirectoryName(app)!;
        string copy = Assert.Single(Directory.GetDirectories(Path.GetDirectoryName(output)!, "net10.0.sharpsan-address-*"));
        Assert.True(File.Exists(Path.Combine(copy, "App.dll")));
    }

    [Fact]
    public async Task Test_LibraryWithOtherPackageIdChecked_AndTestsFindTheirDataAsInAPlainDotnetTest()
    {
        string suite = await Prepare();
        string results = Path.Combine(suite, "out");

        var run = await SharpSanCli.RunAsync(TestPaths.NewDirectory("cache"), ["test", suite, "--results", results], timeout: TimeSpan.FromMinutes(5));

        string all = run.StdOut + run.StdErr;
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"(?m)^sharpsan: Codec\.Tests: instrumented 2 assemblies: Acme\.Codec\.dll, Codec\.Tests\.dll; skipped \d+ framework/package assemblies$", run.StdErr);
        Assert.Matches(@"(?m)^sharpsan: Codec\.Tests: warning: Acme\.Vendor\.dll was not instrumented", run.StdErr);
        Assert.Matches(@"Failed:\s+1, Passed:\s+3", all);
        Assert.Contains("Codec.Tests.CodecTests.DecodeSum_WithoutRoomForTheTerminator [FAIL]", all);
        foreach (var passing in new[] { "DecodeSum_WithRoomForTheTerminator", "DataBesideTheProject_IsFoundFromTheTestAssemblysFolder", "RepositoryRoot_IsFoundByWalkingUp" })
            Assert.DoesNotContain($"{passing} [FAIL]", all);
        Assert.Matches(@"(?m)^\s+heap-buffer-overflow\s+Codec/RunLength\.cs:\d+\s+CodecTests\.DecodeSum_WithoutRoomForTheTerminator\s+1$", run.StdErr);
    }

    static int MarkerLine(string app, string file, string marker)
    {
        string suite = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(app)!, "..", "..", "..", ".."));
        return File.ReadAllLines(Path.Combine(suite, file)).Select((l, i) => (l, i)).Single(x => x.l.Contains("// " + marker)).i + 1;
    }
}
