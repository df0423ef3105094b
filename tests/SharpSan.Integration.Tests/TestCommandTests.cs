using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SharpSan.Integration.Tests.Infrastructure;

namespace SharpSan.Integration.Tests;

/// <summary>
/// `sharpsan test` over sample solutions kept in Apps/TestSuites: the suite is copied to a scratch folder (so its
/// bin/obj never land in the repository), built by the CLI, instrumented and run with `dotnet test`; each finding must
/// fail exactly the tests that raised it, and the results folder must hold the SARIF log and a JSON file per finding.
/// </summary>
public sealed class TestCommandTests
{
    static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(10);

    static string CopySuite(string name) => TestSuites.Copy(name);

    static int Marker(string suiteDirectory, string file, string marker) =>
        File.ReadAllLines(Path.Combine(suiteDirectory, file)).Select((l, i) => (l, i)).Single(x => x.l.Contains("// " + marker)).i + 1;

    static Task<ProcessResult> SharpSanTest(string cache, params string[] arguments) =>
        SharpSanCli.RunAsync(cache, ["test", .. arguments], timeout: s_timeout);

    sealed record SuiteRun(string Suite, string Results, string Cache, ProcessResult Run);

    /// <summary>Copies a sample suite and runs `sharpsan test` on it, results in out/; every sample has findings, so it exits 1.</summary>
    static async Task<SuiteRun> RunSuite(string name, params string[] runnerArguments)
    {
        string suite = CopySuite(name);
        string cache = TestPaths.NewDirectory("cache");
        string results = Path.Combine(suite, "out");
        var run = await SharpSanTest(cache, [suite, "--results", results, .. runnerArguments.Length > 0 ? ["--", .. runnerArguments] : Array.Empty<string>()]);
        Assert.True(run.ExitCode == 1, run.ToString());
        return new SuiteRun(suite, results, cache, run);
    }

    /// <summary>A row of the summary table: kind, location, tests (short names), count.</summary>
    static void AssertSummaryRow(ProcessResult run, string kind, string location, string tests, int count) =>
        Assert.Matches($@"(?m)^\s+{Regex.Escape(kind)}\s+{Regex.Escape(location)}\s+{Regex.Escape(tests)}\s+{count}$", run.StdErr);

    /// <summary>The results folder's SARIF log, after checking it against the SARIF 2.1.0 schemas.</summary>
    static JsonNode ValidSarif(string results)
    {
        string text = File.ReadAllText(Path.Combine(results, "sharpsan.sarif"));
        Assert.Empty(SarifSchema.Violations(text));
        var sarif = JsonNode.Parse(text)!;
        Assert.Equal("2.1.0", (string?)sarif["version"]);
        return sarif;
    }

    static JsonNode ResultOf(JsonNode sarif, string ruleId) =>
        sarif["runs"]![0]!["results"]!.AsArray().Single(r => (string?)r!["ruleId"] == ruleId)!;

    static string[] TestsOf(JsonNode result) => result["properties"]!["tests"]!.AsArray().Select(t => (string)t!).ToArray();

    static JsonObject[] FindingFiles(string results) =>
        Directory.GetFiles(Path.Combine(results, "findings"), "finding-*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject()).ToArray();

    [Fact]
    public async Task XunitSuite_FailsExactlyTheTestsWithFindings_AndWritesSarif()
    {
        var (suite, results, _, run) = await RunSuite("XunitSuite");
        string all = run.StdOut + run.StdErr;

        Assert.Matches(@"Failed:\s+4, Passed:\s+3", all);
        foreach (var failing in new[] { "FillWithTerminator_WritesOnePastTheEnd", "FillWithTerminator_ForSeveralLengths(length: 8)", "FillWithTerminator_ForSeveralLengths(length: 24)", "Scratch_DisposedTwice" })
            Assert.Contains($"Buffers.Tests.BufferTests.{failing} [FAIL]", all);
        foreach (var passing in new[] { "Fill_SumsEveryByte", "Scratch_UsedOnce", "Scratch_AcrossAnAwait" })
            Assert.DoesNotContain($"{passing} [FAIL]", all);
        // The failure message is the report.
        Assert.Contains("SharpSan.Runtime.SanitizerFindingException : ===", all);
        // Each bug is announced once while the tests run (findings so far), before the summary.
        Assert.Single(Regex.Matches(run.StdErr, @"sharpsan: finding #\d: heap-buffer-overflow at NativeBuffer\.cs:\d+ in Buffers\.Tests\.BufferTests\.FillWithTerminator_"));
        Assert.Single(Regex.Matches(run.StdErr, @"sharpsan: finding #\d: pool-double-return at Scratch\.cs:\d+ in Buffers\.Tests\.BufferTests\.Scratch_DisposedTwice"));
        Assert.True(run.StdErr.IndexOf("sharpsan: finding #2", StringComparison.Ordinal) < run.StdErr.IndexOf("sharpsan: 2 finding(s)", StringComparison.Ordinal));

        int overflowLine = Marker(suite, "Buffers/NativeBuffer.cs", "BUG-OVERFLOW");
        int doubleReturnLine = Marker(suite, "Buffers/Scratch.cs", "BUG-DOUBLE-RETURN");
        Assert.Matches($@"(?m)^\s+heap-buffer-overflow\s+Buffers/NativeBuffer\.cs:{overflowLine}\s+BufferTests\.FillWithTerminator_ForSeveralLengths, BufferTests\.FillWithTerminator_WritesOnePastTheEnd\s+3$", run.StdErr);
        Assert.Matches($@"(?m)^\s+pool-double-return\s+Buffers/Scratch\.cs:{doubleReturnLine}\s+BufferTests\.Scratch_DisposedTwice\s+1$", run.StdErr);

        var findings = Directory.GetFiles(Path.Combine(results, "findings"), "finding-*.json");
        Assert.Equal(4, findings.Length);   // 2 bugs, the overflow met by 3 tests
        var sarif = ValidSarif(results);
        var resultNodes = sarif["runs"]![0]!["results"]!.AsArray();
        Assert.Equal(["heap-buffer-overflow", "pool-double-return"], resultNodes.Select(r => (string)r!["ruleId"]!).Order());
        var overflow = resultNodes.Single(r => (string?)r!["ruleId"] == "heap-buffer-overflow")!;
        var location = overflow["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("Buffers/NativeBuffer.cs", (string?)location["artifactLocation"]!["uri"]);
        Assert.Equal("%SRCROOT%", (string?)location["artifactLocation"]!["uriBaseId"]);
        Assert.Equal(overflowLine, (int)location["region"]!["startLine"]!);
        // The allocation stack is a related location.
        Assert.Contains(overflow["relatedLocations"]!.AsArray(), r => ((string?)r!["message"]!["text"])!.StartsWith("allocated by thread"));
        Assert.Equal(2, overflow["properties"]!["tests"]!.AsArray().Count);   // the Fact and the Theory (2 cases)
        Assert.Equal(3, (int)overflow["properties"]!["occurrences"]!);

        // The build outputs of the suite were not touched: the tests ran on instrumented copies.
        string built = Path.Combine(suite, "Buffers.Tests", "bin", "Debug", "net10.0", "Buffers.dll");
        Assert.Null(Reports.AssemblyMetadata(built, "SharpSan.Instrumented"));
    }

    [Fact]
    public async Task NUnitSuite_FailsTheTestsWithFindings_ReportsABackgroundThreadOutsideTests_AndKeepsTheFindingsOfACrashedHost()
    {
        var (suite, results, cache, run) = await RunSuite("NUnitSuite", "--filter", "TestCategory!=Crash");
        string all = run.StdOut + run.StdErr;

        Assert.Matches(@"Failed:\s+3, Passed:\s+4", all);
        Assert.Contains("Failed Complete_ReturnsTheChecksum [", all);
        Assert.Matches(@"Failed Hex_OfBytes\(.*""000102030405060708090a0b0c0d0e0f""\) \[", all);     // [TestCase]: only the 16-byte case
        Assert.DoesNotMatch(@"Failed Hex_OfBytes\(.*""ab01""\) \[", all);
        // The test whose background thread overflowed after it returned passes; the finding fails the run.
        Assert.DoesNotContain("Failed StartPadding_ReturnsAtOnce", all);
        Assert.Contains("SharpSan.Runtime.SanitizerFindingException : ===", all);

        AssertSummaryRow(run, "heap-use-after-free", $"Frames/Frame.cs:{Marker(suite, "Frames/Frame.cs", "BUG-USE-AFTER-FREE")}", "FrameTests.Complete_ReturnsTheChecksum", 1);
        AssertSummaryRow(run, "stack-buffer-overflow", $"Frames/Hex.cs:{Marker(suite, "Frames/Hex.cs", "BUG-STACK-OVERFLOW")}", "FixtureCleanupTests.Hex_OfSixteenBytes, FrameTests.Hex_OfBytes", 2);
        AssertSummaryRow(run, "heap-buffer-overflow", $"Frames/Background.cs:{Marker(suite, "Frames/Background.cs", "BUG-BACKGROUND-OVERFLOW")}", "(outside tests)", 1);
        // A fixture clean-up that runs, on the same thread, after a test a finding failed: outside any test.
        AssertSummaryRow(run, "double-free", $"Frames/Frame.cs:{Marker(suite, "Frames/Frame.cs", "FREE")}", "(outside tests)", 1);
        Assert.Equal(5, FindingFiles(results).Length);
        var sarif = ValidSarif(results);
        Assert.Equal(["Frames.Tests.FrameTests.Complete_ReturnsTheChecksum"], TestsOf(ResultOf(sarif, "heap-use-after-free")));
        var background = ResultOf(sarif, "heap-buffer-overflow");
        Assert.Empty(TestsOf(background));
        Assert.EndsWith("(outside any test)", (string?)background["message"]!["text"]);

        // A test host that dies mid-run (Environment.FailFast) after a finding: what was written before stays.
        string crashResults = Path.Combine(suite, "crash");
        var crash = await SharpSanTest(cache, suite, "--no-build", "--results", crashResults, "--", "--filter", "TestCategory=Crash");
        Assert.True(crash.ExitCode == 1, crash.ToString());
        Assert.Contains("Test host process crashed", crash.StdOut + crash.StdErr);
        AssertSummaryRow(crash, "stack-buffer-overflow", $"Frames/Hex.cs:{Marker(suite, "Frames/Hex.cs", "BUG-STACK-OVERFLOW")}", "CrashTests.Hex_OfSixteenBytes", 1);
        Assert.Equal("Frames.Tests.CrashTests.Hex_OfSixteenBytes", (string?)FindingFiles(crashResults).Single()["test"]);
        Assert.Equal(["Frames.Tests.CrashTests.Hex_OfSixteenBytes"], TestsOf(ResultOf(ValidSarif(crashResults), "stack-buffer-overflow")));
    }

    [Fact]
    public async Task MSTestSuite_FailsTheTestsWithFindings_AndReportsOnlyTheLeaksOfTestsThatPassed()
    {
        var (suite, results, _, run) = await RunSuite("MSTestSuite");
        string all = run.StdOut + run.StdErr;

        Assert.Matches(@"Failed:\s+4, Passed:\s+5", all);
        foreach (var failing in new[] { "CopyFrom_TooMuch [", "Dispose_Twice [", "Checksum_AfterAnAwait [", @"Checksum_OfText (""the quick brown fox jumps over the lazy dog"",4089) [" })
            Assert.Contains("Failed " + failing, all);   // [DataTestMethod]/[DataRow]: only the long text goes through the pool

        string message = "Messages/Message.cs";
        AssertSummaryRow(run, "heap-buffer-overflow", $"{message}:{Marker(suite, message, "BUG-OVERFLOW")}", "MessageTests.CopyFrom_TooMuch", 1);
        AssertSummaryRow(run, "double-free", $"{message}:{Marker(suite, message, "BUG-DOUBLE-FREE")}", "MessageTests.Dispose_Twice", 1);
        AssertSummaryRow(run, "pool-use-after-return", $"Messages/Encoder.cs:{Marker(suite, "Messages/Encoder.cs", "BUG-POOL-USE-AFTER-RETURN")}", "MessageTests.Checksum_AfterAnAwait, MessageTests.Checksum_OfText", 2);
        AssertSummaryRow(run, "leak", $"{message}:{Marker(suite, message, "ALLOCATION")}", "(outside tests)", 1);
        // The live line names the allocation's line too, as the summary does (it read "leak at ?").
        Assert.Matches($@"sharpsan: finding #\d: leak at Message\.cs:{Marker(suite, message, "ALLOCATION")} outside tests", run.StdErr);
        // The body leaked by a passing test is reported at exit; the one CopyFrom_TooMuch never disposed (its finding
        // failed it first) is not.
        string leak = (string)FindingFiles(results).Single(f => (string?)f["kind"] == "leak")["report"]!;
        Assert.Contains("Detach_HandsTheBodyOver", leak);
        Assert.DoesNotContain("CopyFrom_TooMuch", leak);
        var sarif = ValidSarif(results);
        Assert.Equal(["Messages.Tests.MessageTests.Checksum_AfterAnAwait", "Messages.Tests.MessageTests.Checksum_OfText"], TestsOf(ResultOf(sarif, "pool-use-after-return")));
    }

    /// <summary>
    /// Guard mode keeps no shadow stack: a finding at a free (here the header check's double-free) is tied to the test on
    /// the freeing thread's real stack and fails it there (it was "outside tests" and the test passed). Sampling is off,
    /// so no guarded block makes the run depend on chance.
    /// </summary>
    [Fact]
    public async Task MSTestSuite_UnderGuard_AHeaderCheckedDoubleFreeFailsTheTestThatFreedTwice()
    {
        string suite = CopySuite("MSTestSuite");
        string results = Path.Combine(suite, "out");
        var run = await SharpSanCli.RunAsync(TestPaths.NewDirectory("cache"), ["test", suite, "--sanitize", "guard", "--results", results],
            options: "guard_sample_rate=0", timeout: s_timeout);
        string all = run.StdOut + run.StdErr;

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"Failed:\s+1, Passed:\s+8", all);
        Assert.Contains("Failed Dispose_Twice [", all);
        Assert.Contains("SharpSan.Runtime.SanitizerFindingException", all);
        string message = "Messages/Message.cs";
        AssertSummaryRow(run, "double-free", $"{message}:{Marker(suite, message, "BUG-DOUBLE-FREE")}", "MessageTests.Dispose_Twice", 1);
        Assert.DoesNotContain("(outside tests)", run.StdErr);
        Assert.Equal(["Messages.Tests.MessageTests.Dispose_Twice"], TestsOf(ResultOf(ValidSarif(results), "double-free")));
    }

    [Fact]
    public async Task MicrosoftTestingPlatformProject_RunsAsItsOwnRunner()
    {
        var (suite, results, _, run) = await RunSuite("MtpSuite");   // a folder with an xunit.v3 project, no solution
        string all = run.StdOut + run.StdErr;

        Assert.Contains("Checksums.Tests.Adler32Tests.OfWikipedia [FAIL]", all);
        Assert.DoesNotContain("OfOneByte [FAIL]", all);
        Assert.Matches(@"Total: 2, Errors: 0, Failed: 1", all);
        string file = "Checksums.Tests/Adler32Tests.cs";
        AssertSummaryRow(run, "heap-buffer-overflow", $"{file}:{Marker(suite, file, "BUG-OVERFLOW")}", "Adler32Tests.OfWikipedia", 1);
        Assert.Equal(["Checksums.Tests.Adler32Tests.OfWikipedia"], TestsOf(ResultOf(ValidSarif(results), "heap-buffer-overflow")));
    }

    /// <summary>
    /// An xunit.v3 project that also references Microsoft.NET.Test.Sdk and xunit.runner.visualstudio is run by plain
    /// `dotnet test` through VSTest (it does not opt into TestingPlatformDotnetTestSupport), so `sharpsan test` must run
    /// it the same way — its own runner counts and filters differently. With global.json's Microsoft.Testing.Platform
    /// runner, `dotnet test` starts the app itself, and so must we.
    /// </summary>
    [Fact]
    public async Task XunitV3ProjectWithVSTestAdapter_RunsUnderVSTestAsDotnetTestWould_UnlessGlobalJsonChoosesTheTestingPlatform()
    {
        string suite = CopySuite("MtpSuite");
        string project = Path.Combine(suite, "Checksums.Tests", "Checksums.Tests.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            """<PackageReference Include="xunit.v3" Version="3.2.1" />""",
            """<PackageReference Include="xunit.v3" Version="3.2.1" /><PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" /><PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />"""));

        var vstest = await SharpSanTest(TestPaths.NewDirectory("cache"), suite, "--results", Path.Combine(suite, "out"));
        Assert.True(vstest.ExitCode == 1, vstest.ToString());
        string all = vstest.StdOut + vstest.StdErr;
        Assert.Matches(@"Failed!\s+-\s+Failed:\s+1, Passed:\s+1, Skipped:\s+0, Total:\s+2", all);   // VSTest's summary, not xunit.v3's
        Assert.DoesNotContain("Errors: 0", all);
        AssertSummaryRow(vstest, "heap-buffer-overflow", $"Checksums.Tests/Adler32Tests.cs:{Marker(suite, "Checksums.Tests/Adler32Tests.cs", "BUG-OVERFLOW")}", "Adler32Tests.OfWikipedia", 1);

        File.WriteAllText(Path.Combine(suite, "global.json"), """{ "test": { "runner": "Microsoft.Testing.Platform" } }""");
        var platform = await SharpSanTest(TestPaths.NewDirectory("cache"), suite, "--results", Path.Combine(suite, "out-mtp"));
        Assert.True(platform.ExitCode == 1, platform.ToString());
        Assert.Matches(@"Total: 2, Errors: 0, Failed: 1", platform.StdOut + platform.StdErr);
    }

    [Fact]
    public async Task ClearErrors_NoTestProject_ABuildThatFails_AndNothingBuilt()
    {
        string cache = TestPaths.NewDirectory("cache");
        static string Library(string name, string code)
        {
            string dir = TestPaths.NewDirectory(name);
            File.WriteAllText(Path.Combine(dir, name + ".csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
            File.WriteAllText(Path.Combine(dir, "Code.cs"), code);
            return dir;
        }

        var none = await SharpSanTest(cache, Library("Plain", "public static class Plain { }"));
        Assert.True(none.ExitCode == 2, none.ToString());
        Assert.Contains("sharpsan: error: no test project found in", none.StdErr);

        var broken = await SharpSanTest(cache, Library("Broken", "public static class Broken { static int F() => }"));
        Assert.True(broken.ExitCode == 2, broken.ToString());
        Assert.Matches(@"Code\.cs\(1,\d+\): error CS\d+", broken.StdErr);   // the build's own errors
        Assert.Contains("failed (its errors are above); nothing was tested", broken.StdErr);

        var notBuilt = await SharpSanTest(cache, CopySuite("NUnitSuite"), "--no-build");
        Assert.True(notBuilt.ExitCode == 2, notBuilt.ToString());
        Assert.Contains("Frames.Tests.csproj", notBuilt.StdErr);
        Assert.Contains("never restored or built, so no test project can be recognised (drop --no-build)", notBuilt.StdErr);
    }

    [Theory]
    [InlineData("address,guard", "--sanitize guard replaces the native allocator for production use and runs alone")]
    [InlineData("guard,memory", "--sanitize guard replaces the native allocator for production use and runs alone")]
    public async Task UnavailableSanitizerChoices_AreAClearErrorNamingThem_BeforeAnythingIsBuilt(string list, string message)
    {
        string suite = CopySuite("MtpSuite");
        var run = await SharpSanTest(TestPaths.NewDirectory("cache"), suite, "--sanitize", list);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("sharpsan: error: " + message, run.StdErr);
        Assert.DoesNotContain("building", run.StdErr);
        Assert.False(Directory.Exists(Path.Combine(suite, "Checksums.Tests", "bin")));
    }

    [Theory]
    [InlineData("address")]
    [InlineData("memory")]   // issue 13: the packages' rented and native buffers are tracked as undefined, and nothing is reported
    public async Task ToolkitSuite_CleanTestsOverInstrumentedThirdPartyPackages_PassWithNoFinding(string sanitizers)
    {
        string suite = CopySuite("ToolkitSuite");
        string results = Path.Combine(suite, "out");
        var run = await SharpSanTest(TestPaths.NewDirectory("cache"), suite, "--sanitize", sanitizers, "--results", results,
            "--include", "CommunityToolkit.HighPerformance.dll", "--include", "Microsoft.IO.RecyclableMemoryStream.dll");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+11,", run.StdOut + run.StdErr);
        Assert.Contains("sharpsan: no findings", run.StdErr);
        // Both packages really ran instrumented (their ArrayPool use goes through the checking pool).
        Assert.Contains("instrumenting CommunityToolkit.HighPerformance.dll", run.StdErr);
        Assert.Contains("instrumenting Microsoft.IO.RecyclableMemoryStream.dll", run.StdErr);
        Assert.Empty(ValidSarif(results)["runs"]![0]!["results"]!.AsArray());
    }

    [Fact]
    public async Task MemorySuite_AnUninitialisedUseFailsItsTest_AndTheSarifResultCarriesTheOriginAsARelatedLocation()
    {
        string suite = CopySuite("MemorySuite");
        string results = Path.Combine(suite, "out");
        var run = await SharpSanTest(TestPaths.NewDirectory("cache"), suite, "--sanitize", "memory", "--results", results);
        string all = run.StdOut + run.StdErr;

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"Failed:\s+1, Passed:\s+1", all);
        Assert.Contains("Buffers.Tests.BufferTests.HalfWrittenHeader_ReadsBytesNobodyWrote [FAIL]", all);
        Assert.Contains("WARNING: MemorySanitizer: use-of-uninitialized-value", all);
        int useLine = Marker(suite, "Buffers.Tests/BufferTests.cs", "BUG-UNINIT");
        int allocationLine = Marker(suite, "Buffers.Tests/BufferTests.cs", "ALLOC");
        var result = ResultOf(ValidSarif(results), "use-of-uninitialized-value");
        Assert.Equal(["Buffers.Tests.BufferTests.HalfWrittenHeader_ReadsBytesNobodyWrote"], TestsOf(result));
        Assert.Equal(useLine, (int)result["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!);
        Assert.EndsWith("BufferTests.cs", (string)result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!);
        // The origin block ("Uninitialized value was created by a heap allocation") is the first related location,
        // pointing at the allocation's line in the user's code (NativeMemory.Alloc itself has no source).
        var origin = result["relatedLocations"]!.AsArray()[0]!;
        Assert.Equal("Uninitialized value was created by a heap allocation", (string)origin["message"]!["text"]!);
        Assert.Equal(allocationLine, (int)origin["physicalLocation"]!["region"]!["startLine"]!);
        Assert.Equal("Buffers.Tests.Header.FlagsSet(int, int)", (string)origin["logicalLocations"]![0]!["fullyQualifiedName"]!);
    }

    [Fact]
    public async Task RaceSuite_WithSanitizeThread_FailsOnlyTheRacingTest_AndReportsTheDataRace()
    {
        string suite = CopySuite("RaceSuite");
        string results = Path.Combine(suite, "out");
        var run = await SharpSanTest(TestPaths.NewDirectory("cache"), suite, "--sanitize", "thread", "--results", results);
        string all = run.StdOut + run.StdErr;

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"Failed:\s+1, Passed:\s+2", all);
        Assert.Contains("Stats.Tests.StatsTests.TwoThreads_WithoutTheLock_Race [FAIL]", all);
        Assert.Contains("WARNING: ThreadSanitizer: data race", all);
        int raceLine = Marker(suite, "Stats.Tests/StatsTests.cs", "BUG-RACE");
        Assert.Matches($@"sharpsan: finding #1: data race at StatsTests\.cs:{raceLine} in Stats\.Tests\.StatsTests\.TwoThreads_WithoutTheLock_Race", run.StdErr);
        // Two fields race (_sum on the marked line, _count on the next): one result each, both tied to the test.
        var races = ValidSarif(results)["runs"]![0]!["results"]!.AsArray().Where(r => (string?)r!["ruleId"] == "data race").ToList();
        Assert.Equal([raceLine, raceLine + 1], races.Select(r => (int)r!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!).Order());
        Assert.All(races, r => Assert.Equal(["Stats.Tests.StatsTests.TwoThreads_WithoutTheLock_Race"], TestsOf(r!)));
    }

    [Fact]
    public async Task MixedSuite_WithAddressAndThread_FailsExactlyTheOverflowTheDoubleReturnAndTheRace_EachWithItsKind()
    {
        string suite = CopySuite("MixedSuite");
        TestSuites.AddAnnotations(suite);
        string results = Path.Combine(suite, "out");
        var run = await SharpSanTest(TestPaths.NewDirectory("cache"), suite, "--sanitize", "address,thread", "--results", results);
        string all = run.StdOut + run.StdErr;

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"Failed:\s+3, Passed:\s+3", all);
        var buggy = new Dictionary<string, (string Kind, string File, string Marker)>
        {
            ["Frame_Sealed_Overflows"] = ("heap-buffer-overflow", "Pipeline/Frame.cs", "BUG-OVERFLOW"),
            ["Lease_ReleasedTwice_DoubleReturns"] = ("pool-double-return", "Pipeline/Lease.cs", "BUG-DOUBLE-RETURN"),
            ["HitCounter_WithoutTheLock_Races"] = ("data race", "Pipeline/HitCounter.cs", "BUG-RACE"),
        };
        foreach (var clean in new[] { "Frame_Checksum", "Lease_ReleasedOnce", "HitCounter_UnderTheLock" })
            Assert.DoesNotContain($"{clean} [FAIL]", all);
        foreach (var (test, (kind, file, marker)) in buggy)
        {
            Assert.Contains($"Pipeline.Tests.PipelineTests.{test} [FAIL]", all);
            AssertSummaryRow(run, kind, $"{file}:{Marker(suite, file, marker)}", $"PipelineTests.{test}", 1);
        }

        // One finding per buggy test, nothing else (no leak, no race report from the clean twins).
        var findings = FindingFiles(results);
        Assert.Equal(buggy.Values.Select(b => b.Kind).Order(), findings.Select(f => (string)f["kind"]!).Order());
        foreach (var finding in findings)
            Assert.Equal(buggy.Single(b => b.Value.Kind == (string?)finding["kind"]).Key, ((string)finding["test"]!).Split('.')[^1]);
        var sarif = ValidSarif(results);
        foreach (var (test, (kind, _, _)) in buggy)
            Assert.Equal([$"Pipeline.Tests.PipelineTests.{test}"], TestsOf(ResultOf(sarif, kind)));
    }

    /// <summary>
    /// The runner's outcomes, the SARIF log and the summary name the same tests: an inherited test under its derived
    /// class (as the runner does), a worker's finding only when it failed its test (the test waited for the worker),
    /// not when the worker ran into the bug after its test returned (that test passed: outside tests), pool work a test
    /// class constructor started outside tests, and no report shows frames that workers which threw left on pool threads.
    /// </summary>
    [Fact]
    public async Task AttributionSuite_FindingsAreChargedExactlyToTheTestsTheRunnerFails_UnderTheRunnersNames()
    {
        string suite = CopySuite("AttributionSuite");
        string results = Path.Combine(suite, "out");
        var run = await SharpSanTest(TestPaths.NewDirectory("cache"), suite, "--sanitize", "address,thread", "--results", results);
        string all = run.StdOut + run.StdErr;

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"Failed:\s+4, Passed:\s+9", all);
        var failedByRunner = Regex.Matches(all, @"(Ledger\.Tests\.\S+) \[FAIL\]").Select(m => m.Groups[1].Value).ToHashSet();
        string[] expectedFailures =
        [
            "Ledger.Tests.SmallRecordTests.Fill_OnePastCapacity", "Ledger.Tests.TinyRecordTests.Fill_OnePastCapacity",
            "Ledger.Tests.WorkerTests.WaitsForAWorker_ThatOverflows", "Ledger.Tests.FlusherTests.Overflows",
        ];
        Assert.Equal(expectedFailures.Order(), failedByRunner.Order());

        var sarif = ValidSarif(results);
        var resultNodes = sarif["runs"]![0]!["results"]!.AsArray();
        int LineOf(JsonNode r) => (int)r["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!;
        string[] TestsAt(string file, string marker) => TestsOf(resultNodes.Single(r => LineOf(r!) == Marker(suite, file, marker)
            && ((string)r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!).EndsWith(file, StringComparison.Ordinal))!);
        // Every test the SARIF names failed in the runner, and every test the runner failed is named.
        Assert.Equal(failedByRunner.Order(), resultNodes.SelectMany(r => TestsOf(r!)).Distinct().Order());
        Assert.Equal(["Ledger.Tests.SmallRecordTests.Fill_OnePastCapacity", "Ledger.Tests.TinyRecordTests.Fill_OnePastCapacity"], TestsAt("Ledger/Record.cs", "BUG-OVERFLOW"));
        Assert.Equal(["Ledger.Tests.WorkerTests.WaitsForAWorker_ThatOverflows"], TestsAt("Ledger/Spill.cs", "BUG-DELEGATED"));
        Assert.Equal(["Ledger.Tests.FlusherTests.Overflows"], TestsAt("Ledger/Spill.cs", "BUG-IN-TEST"));
        Assert.Empty(TestsAt("Ledger/Spill.cs", "BUG-AFTER"));
        Assert.Empty(TestsAt("Ledger/Spill.cs", "BUG-CONSTRUCTOR"));

        AssertSummaryRow(run, "heap-buffer-overflow", $"Ledger/Record.cs:{Marker(suite, "Ledger/Record.cs", "BUG-OVERFLOW")}",
            "SmallRecordTests.Fill_OnePastCapacity, TinyRecordTests.Fill_OnePastCapacity", 2);
        AssertSummaryRow(run, "heap-buffer-overflow", $"Ledger/Spill.cs:{Marker(suite, "Ledger/Spill.cs", "BUG-AFTER")}", "(outside tests)", 1);
        AssertSummaryRow(run, "heap-buffer-overflow", $"Ledger/Spill.cs:{Marker(suite, "Ledger/Spill.cs", "BUG-DELEGATED")}", "WorkerTests.WaitsForAWorker_ThatOverflows", 1);
        AssertSummaryRow(run, "heap-buffer-overflow", $"Ledger/Spill.cs:{Marker(suite, "Ledger/Spill.cs", "BUG-CONSTRUCTOR")}", "(outside tests)", 1);
        AssertSummaryRow(run, "heap-buffer-overflow", $"Ledger/Spill.cs:{Marker(suite, "Ledger/Spill.cs", "BUG-IN-TEST")}", "FlusherTests.Overflows", 1);
        Assert.Matches($@"sharpsan: finding #\d: heap-buffer-overflow at Spill\.cs:{Marker(suite, "Ledger/Spill.cs", "BUG-AFTER")} outside tests", run.StdErr);

        // Frames of workers that threw into the pool are gone before the next work item runs there.
        Assert.All(FindingFiles(results), f => Assert.DoesNotContain("Ledger.Work.", (string)f["report"]!));
        Assert.DoesNotContain("WARNING: SharpSan: internal error", all);
    }

    [Theory]
    [InlineData("address", "heap-buffer-overflow", "ERROR: AddressSanitizer: heap-buffer-overflow")]
    [InlineData("guard", "heap-buffer-overflow", "Found by SharpSan's guard allocator")]
    public async Task ChildSuite_AChildProcessFindingFailsTheTestThatStartedIt_AndAGuardFaultTheTestThatFaulted(string sanitize, string kind, string reportLine)
    {
        string suite = CopySuite("ChildSuite");
        string results = Path.Combine(suite, "out");
        var run = await SharpSanCli.RunAsync(TestPaths.NewDirectory("cache"), ["test", suite, "--sanitize", sanitize, "--results", results],
            options: sanitize == "guard" ? "guard_sample_rate=1" : null, timeout: s_timeout);
        string all = run.StdOut + run.StdErr;
        string Row(string marker, string file = "Worker/Program.cs") => $@"(?m)^\s+{kind}\s+{Regex.Escape(file)}:{Marker(suite, file, marker)}\s+";

        Assert.True(run.ExitCode == 1, run.ToString());
        // Guard mode also charges a test at its end (TestEndPass runs in every mode).
        Assert.Matches(@"Failed:\s+8, Passed:\s+7", all);
        // Tests whose overflow is their last allocation call: under guard they fail when they end (sync) or when their
        // task completes (async). Tests that never wait for their child: at the same points.
        foreach (var failing in new[] { "OverflowingChild_FailsThisTest", "OwnOverflow_FailsThisTest", "OverflowingChild_StartedAsInstanceAndAwaited_FailsThisTest",
                     "OverflowingChild_ShellExecuted_FailsThisTest", "UnwaitedChild_OutputRead_FailsThisTestAtItsEnd",
                     "OwnOverflow_ThenNoMoreAllocations_FailsThisTest", "OwnOverflowAfterAwait_ThenNoMoreAllocations_FailsThisTest",
                     "UnwaitedChild_OutputReadAsync_FailsThisTestWhenItsTaskCompletes" })
            Assert.Contains($"Worker.Tests.WorkerTests.{failing} [FAIL]", all);
        foreach (var passing in new[] { "CleanChild_Passes", "CleanChild_StartedAsInstanceAndAwaited_Passes", "NoChild_Passes", "CleanChild_ShellExecuted_Passes",
                     "UnwaitedCleanChild_OutputRead_Passes", "LateChild_NeverWaitedFor_Passes", "UnwaitedCleanChild_OutputReadAsync_Passes" })
            Assert.DoesNotContain($"{passing} [FAIL]", all);
        Assert.Contains("SharpSan.Runtime.SanitizerFindingException : ===", all);
        Assert.Contains(reportLine, all);
        // One occurrence per child that overflowed: the pending finding a child wrote and the copy that charged it to its
        // test are one occurrence, not two.
        Assert.Matches(Row("BUG-CHILD-OVERFLOW") + @"WorkerTests\.OverflowingChild_FailsThisTest, WorkerTests\.OverflowingChild_ShellExecuted_FailsThisTest, WorkerTests\.OverflowingChild_StartedAsInstanceAndAwaited_FailsThisTest\s+3$", run.StdErr);
        Assert.Matches(Row("BUG-UNWAITED-CHILD-OVERFLOW") + @"WorkerTests\.UnwaitedChild_OutputRead_FailsThisTestAtItsEnd\s+1$", run.StdErr);
        Assert.Matches(Row("BUG-TEST-OVERFLOW", "Worker.Tests/WorkerTests.cs") + @"WorkerTests\.OwnOverflow_FailsThisTest\s+1$", run.StdErr);
        Assert.Matches(Row("BUG-LAST-SYNC-OVERFLOW", "Worker.Tests/WorkerTests.cs") + @"WorkerTests\.OwnOverflow_ThenNoMoreAllocations_FailsThisTest\s+1$", run.StdErr);
        Assert.Matches(Row("BUG-LAST-ASYNC-OVERFLOW", "Worker.Tests/WorkerTests.cs") + @"WorkerTests\.OwnOverflowAfterAwait_ThenNoMoreAllocations_FailsThisTest\s+1$", run.StdErr);
        Assert.Matches(Row("BUG-UNWAITED-TASK-CHILD-OVERFLOW") + @"WorkerTests\.UnwaitedChild_OutputReadAsync_FailsThisTestWhenItsTaskCompletes\s+1$", run.StdErr);
        // A child that reports after its test ended (never waited for) is not lost, and not charged to any test: outside
        // tests, naming the test that started it. `sharpsan test` waited for it before reading the results.
        Assert.Matches(Row("BUG-LATE-CHILD-OVERFLOW") + @"\(outside tests\); child of WorkerTests\.LateChild_NeverWaitedFor_Passes, not waited for\s+1$", run.StdErr);
        Assert.Single(Regex.Matches(run.StdErr, @"\(outside tests\)"));
        var sarifResults = ValidSarif(results)["runs"]![0]!["results"]!.AsArray();
        var result = sarifResults.Single(r => (string?)r!["ruleId"] == kind && TestsOf(r!).Length == 3)!;
        Assert.Equal(["Worker.Tests.WorkerTests.OverflowingChild_FailsThisTest", "Worker.Tests.WorkerTests.OverflowingChild_ShellExecuted_FailsThisTest",
            "Worker.Tests.WorkerTests.OverflowingChild_StartedAsInstanceAndAwaited_FailsThisTest"], TestsOf(result));
        Assert.Equal(3, (int)result["properties"]!["occurrences"]!);
        var late = sarifResults.Single(r => TestsOf(r!).Length == 0)!;
        Assert.Equal(["Worker.Tests.WorkerTests.LateChild_NeverWaitedFor_Passes"], late["properties"]!["childOfTestsNotWaiting"]!.AsArray().Select(t => (string)t!));
    }

    /// <summary>
    /// `sharpsan test --native address`: a C library built with -fsanitize=address in the test; the tests whose call
    /// overflows fail with the system AddressSanitizer's report, completed with the test's managed frames, and the other
    /// tests run on (ASan recovers from an error it finds in memcpy) — under address and under thread. A call through
    /// a library that is not checked (Codec.Vendor, excluded as a NuGet package is by default) fails its test when the
    /// test ends: a synchronous one at its return, an async one when its task completes.
    /// </summary>
    [NativeToolchainTheory]
    [InlineData("address")]
    [InlineData("thread")]
    public async Task NativeSuite_ANativeOverflowFailsTheTestThatCalledTheLibrary_AndOnlyThatTest(string sanitize)
    {
        string suite = CopySuite("NativeSuite");
        NativeToolchain.BuildAsanLibrary(Path.Combine(suite, "Codec.Tests/native/codec.c"), Path.Combine(suite, "Codec.Tests/native/libcodec.so"));
        string results = Path.Combine(suite, "out");
        var run = await SharpSanTest(TestPaths.NewDirectory("cache"), suite, "--sanitize", sanitize, "--native", "address", "--exclude", "Codec.Vendor.dll",
            "--results", results, "--", "--filter", "FullyQualifiedName!~HostDeathTests");
        string all = run.StdOut + run.StdErr;

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"Failed:\s+3, Passed:\s+5", all);
        foreach (var failing in new[] { "SumPastTheBlock_FailsThisTest", "VendorChecksumPastTheBlock_FailsThisTest", "VendorChecksumPastTheBlockAfterAwait_FailsThisTest" })
            Assert.Contains($"Codec.Tests.CodecTests.{failing} [FAIL]", all);
        Assert.Contains("SharpSan.Runtime.SanitizerFindingException : ===", all);
        int line = Marker(suite, "Codec.Tests/CodecTests.cs", "BUG-NATIVE-CALL");
        int vendorLine = Marker(suite, "Codec.Tests/CodecTests.cs", "BUG-VENDOR-CALL");
        Assert.Matches(@"ERROR: AddressSanitizer: heap-buffer-overflow on address", all);
        Assert.Matches(@"#\d+ 0x[0-9a-f]+ in sum_copied .*codec\.c:9", all);
        Assert.Matches(@"#\d+ 0x[0-9a-f]+ in checksum_copied .*codec\.c:20", all);
        Assert.Matches($@"#\d+ 0x[0-9a-f]{{4}} in Codec\.Tests\.CodecTests\.SumPastTheBlock_FailsThisTest\(\) .*CodecTests\.cs:{line}", all);
        AssertSummaryRow(run, "heap-buffer-overflow", $"Codec.Tests/CodecTests.cs:{line}", "CodecTests.SumPastTheBlock_FailsThisTest", 1);
        // The vendor's two overflows are one bug (the same native frames), met by both tests; its location is the line of
        // whichever test met it first.
        int asyncVendorLine = Marker(suite, "Codec.Tests/CodecTests.cs", "BUG-ASYNC-VENDOR-CALL");
        Assert.Matches($@"(?m)^\s+heap-buffer-overflow\s+Codec\.Tests/CodecTests\.cs:({vendorLine}|{asyncVendorLine})\s+" +
            @"CodecTests\.VendorChecksumPastTheBlockAfterAwait_FailsThisTest, CodecTests\.VendorChecksumPastTheBlock_FailsThisTest\s+2$", run.StdErr);
        Assert.Contains("sharpsan: 2 finding(s)", run.StdErr);
        var sarif = ValidSarif(results)["runs"]![0]!["results"]!.AsArray();
        var direct = sarif.Single(r => TestsOf(r!).Contains("Codec.Tests.CodecTests.SumPastTheBlock_FailsThisTest"))!;
        Assert.Equal(["Codec.Tests.CodecTests.SumPastTheBlock_FailsThisTest"], TestsOf(direct));
        Assert.Matches($@"in Codec\.Tests\.CodecTests\.SumPastTheBlock_FailsThisTest\(\) .*CodecTests\.cs:{line}", (string)direct["properties"]!["report"]!);
        Assert.DoesNotContain("WARNING: SharpSan: internal error", all);
    }

    /// <summary>
    /// An error found by the inline checks of a library built without -fsanitize-recover=address: ASan ends the test host
    /// after its report. The finding is written first and charged to the test; `sharpsan test` then says which test was
    /// running, why the host died and how to rebuild, rather than only the runner's "test host process crashed".
    /// </summary>
    [NativeToolchainFact]
    public async Task NativeSuite_AnInlineErrorInALibraryBuiltWithoutRecoverEndsTheHost_AndTheRunSaysWhyAndHowToRebuild()
    {
        string suite = CopySuite("NativeSuite");
        NativeToolchain.BuildAsanLibrary(Path.Combine(suite, "Codec.Tests/native/codec.c"), Path.Combine(suite, "Codec.Tests/native/libcodec.so"));
        string results = Path.Combine(suite, "out");
        var run = await SharpSanTest(TestPaths.NewDirectory("cache"), suite, "--native", "address", "--results", results,
            "--", "--filter", "FullyQualifiedName~HostDeathTests");
        string all = run.StdOut + run.StdErr;

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"#\d+ 0x[0-9a-f]+ in poke .*codec\.c:32", all);
        Assert.Matches(@"sharpsan: Codec\.Tests: the test host \(pid \d+\) died in Codec\.Tests\.HostDeathTests\.PokePastTheBlock_EndsTheHost: " +
            @"the system AddressSanitizer ended it after a heap-buffer-overflow found by the inline checks of a native library built without -fsanitize-recover=address", run.StdErr);
        Assert.Contains("Rebuild the library with `-fsanitize=address -fsanitize-recover=address`", run.StdErr);
        int line = Marker(suite, "Codec.Tests/CodecTests.cs", "BUG-INLINE-CHECK");
        AssertSummaryRow(run, "heap-buffer-overflow", $"Codec.Tests/CodecTests.cs:{line}", "HostDeathTests.PokePastTheBlock_EndsTheHost", 1);
        Assert.Empty(Directory.GetFiles(Path.Combine(results, "findings"), "host-death-*.json"));   // explained once, then removed
    }

    /// <summary>The same library built with -fsanitize-recover=address: ASan goes on, only the test fails, and nothing is said about a dead host.</summary>
    [NativeToolchainFact]
    public async Task NativeSuite_AnInlineErrorInALibraryBuiltWithRecoverFailsOnlyItsTest()
    {
        string suite = CopySuite("NativeSuite");
        NativeToolchain.BuildAsanLibrary(Path.Combine(suite, "Codec.Tests/native/codec.c"), Path.Combine(suite, "Codec.Tests/native/libcodec.so"), recover: true);
        var run = await SharpSanTest(TestPaths.NewDirectory("cache"), suite, "--native", "address", "--results", Path.Combine(suite, "out"),
            "--", "--filter", "FullyQualifiedName~HostDeathTests|FullyQualifiedName~ManagedOnly_Passes");
        string all = run.StdOut + run.StdErr;

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"Failed:\s+1, Passed:\s+1", all);
        Assert.Contains("Codec.Tests.HostDeathTests.PokePastTheBlock_EndsTheHost [FAIL]", all);
        Assert.DoesNotContain("died in", run.StdErr);
    }

    [Fact]
    public async Task ConfigFile_BesideTheSolution_SuppressesAndSetsOptions_AndABrokenOneIsRefusedByName()
    {
        string suite = CopySuite("XunitSuite");
        File.WriteAllText(Path.Combine(suite, "sharpsan.json"), """
            {
              // kept in the repository for everyone who tests it
              "options": "detect_leaks=0",
              "suppressions": "sharpsan.supp"
            }
            """);
        File.WriteAllText(Path.Combine(suite, "sharpsan.supp"), "pool-double-return:Buffers.Scratch.Dispose\n");
        string cache = TestPaths.NewDirectory("cache");

        var run = await SharpSanTest(cache, suite, "--results", Path.Combine(suite, "out"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"using {Path.Combine(suite, "sharpsan.json")}", run.StdErr);
        Assert.Matches(@"Failed:\s+3, Passed:\s+4", run.StdOut + run.StdErr);   // Scratch_DisposedTwice passes: suppressed
        Assert.Contains("sharpsan: 1 finding(s)", run.StdErr);
        Assert.DoesNotMatch(@"(?m)^\s+pool-double-return\s", run.StdErr);

        File.WriteAllText(Path.Combine(suite, "sharpsan.json"), "{ \"sanitise\": \"address\" }");
        var broken = await SharpSanTest(cache, suite, "--no-build");
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("sharpsan.json: unknown key(s) sanitise", broken.StdErr);
    }

    /// <summary>
    /// Only the .NET 10 runtime is installed here, so the suite targets net9.0 and net10.0 and rolls forward: the net9.0
    /// build is a real net9.0 assembly (its own output folder and instrumented copy), run on the newest runtime.
    /// </summary>
    [Fact]
    public async Task MultiTargetedSuite_IsTestedOncePerFramework_OrForTheOneFrameworkNamed()
    {
        string suite = CopySuite("XunitSuite");
        string props = Path.Combine(suite, "Directory.Build.props");
        File.WriteAllText(props, File.ReadAllText(props).Replace("<TargetFramework>net10.0</TargetFramework>",
            "<TargetFrameworks>net9.0;net10.0</TargetFrameworks>\n    <RollForward>Major</RollForward>"));
        string cache = TestPaths.NewDirectory("cache");
        string results = Path.Combine(suite, "out");

        var run = await SharpSanTest(cache, suite, "--results", results);
        string all = run.StdOut + run.StdErr;

        Assert.True(run.ExitCode == 1, run.ToString());
        foreach (var framework in new[] { "net9.0", "net10.0" })
        {
            Assert.Matches($@"Failed:\s+4, Passed:\s+3, .* - Buffers\.Tests\.dll \({Regex.Escape(framework)}\)", all);
            Assert.Contains($"sharpsan: Buffers.Tests ({framework}): the test run exited with code 1", run.StdErr);
        }
        Assert.Equal(8, FindingFiles(results).Length);   // each framework's run meets both bugs in the same 4 tests
        AssertSummaryRow(run, "pool-double-return", $"Buffers/Scratch.cs:{Marker(suite, "Buffers/Scratch.cs", "BUG-DOUBLE-RETURN")}", "BufferTests.Scratch_DisposedTwice", 2);
        AssertSummaryRow(run, "heap-buffer-overflow", $"Buffers/NativeBuffer.cs:{Marker(suite, "Buffers/NativeBuffer.cs", "BUG-OVERFLOW")}",
            "BufferTests.FillWithTerminator_ForSeveralLengths, BufferTests.FillWithTerminator_WritesOnePastTheEnd", 6);

        var one = await SharpSanTest(cache, suite, "--no-build", "--framework", "net9.0", "--results", Path.Combine(suite, "out-net9"), "--verbose");
        string oneOutput = one.StdOut + one.StdErr;
        Assert.True(one.ExitCode == 1, one.ToString());
        // --verbose says where the run's time went; the copy the first run made is reused.
        Assert.Matches(@"(?m)^sharpsan: time: start \d+\.\d\d s, projects \d+\.\d\d s, instrument \(cached\) \d+\.\d\d s, test run \d+\.\d\d s, results \d+\.\d\d s, total \d+\.\d\d s$", one.StdErr);
        Assert.Single(Regex.Matches(oneOutput, @"Failed:\s+4, Passed:\s+3"));
        Assert.Contains("Buffers.Tests.dll (net9.0)", oneOutput);
        Assert.DoesNotContain("Buffers.Tests.dll (net10.0)", oneOutput);
        Assert.Equal(4, FindingFiles(Path.Combine(suite, "out-net9")).Length);
    }

    [Fact]
    public async Task SuiteBuiltWithoutPdbs_IsStillChecked_AndSaysSoOnce()
    {
        string suite = CopySuite("XunitSuite");
        string props = Path.Combine(suite, "Directory.Build.props");
        File.WriteAllText(props, File.ReadAllText(props).Replace("</PropertyGroup>", "  <DebugType>none</DebugType>\n  </PropertyGroup>"));

        var run = await SharpSanTest(TestPaths.NewDirectory("cache"), suite, "--results", Path.Combine(suite, "out"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Single(Regex.Matches(run.StdErr, "no PDB: still checked, but reports show IL offsets instead of file:line"));
        Assert.Matches(@"Failed:\s+4, Passed:\s+3", run.StdOut + run.StdErr);
        Assert.Matches(@"SUMMARY: AddressSanitizer: heap-buffer-overflow \(Buffers\.dll\+0x[0-9a-f]+\) in Buffers\.NativeBuffer\.FillWithTerminator\(byte\)", run.StdOut + run.StdErr);
    }
}
