using System.Text.Json.Nodes;
using SharpSan.Integration.Tests.Infrastructure;

namespace SharpSan.Integration.Tests;

/// <summary>
/// `sharpsan test` over sample solutions kept in Apps/TestSuites: the suite is copied to a scratch folder (so its
/// bin/obj never land in the repository), built by the CLI, instrumented and run with `dotnet test`; each finding must
/// fail exactly the tests that raised it, and the results folder must hold the SARIF log and a JSON file per finding.
/// </summary>
public sealed class TestCommandTests
{
    static string CopySuite(string name)
    {
        string from = Path.Combine(TestPaths.AppsDirectory, "TestSuites", name);
        string to = TestPaths.NewDirectory(name);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj")) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
        return to;
    }

    static int Marker(string suiteDirectory, string file, string marker) =>
        File.ReadAllLines(Path.Combine(suiteDirectory, file)).Select((l, i) => (l, i)).Single(x => x.l.Contains("// " + marker)).i + 1;

    [Fact]
    public async Task XunitSuite_FailsExactlyTheTestsWithFindings_AndWritesSarif()
    {
        string suite = CopySuite("XunitSuite");
        string results = Path.Combine(suite, "out");
        var run = await SharpSanCli.RunAsync(TestPaths.NewDirectory("cache"), ["test", suite, "--results", results], timeout: TimeSpan.FromMinutes(5));
        string all = run.StdOut + run.StdErr;

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"Failed:\s+4, Passed:\s+3", all);
        foreach (var failing in new[] { "FillWithTerminator_WritesOnePastTheEnd", "FillWithTerminator_ForSeveralLengths(length: 8)", "FillWithTerminator_ForSeveralLengths(length: 24)", "Scratch_DisposedTwice" })
            Assert.Contains($"Buffers.Tests.BufferTests.{failing} [FAIL]", all);
        foreach (var passing in new[] { "Fill_SumsEveryByte", "Scratch_UsedOnce", "Scratch_AcrossAnAwait" })
            Assert.DoesNotContain($"{passing} [FAIL]", all);
        // The failure message is the report.
        Assert.Contains("SharpSan.Runtime.SanitizerFindingException : ===", all);

        int overflowLine = Marker(suite, "Buffers/NativeBuffer.cs", "BUG-OVERFLOW");
        int doubleReturnLine = Marker(suite, "Buffers/Scratch.cs", "BUG-DOUBLE-RETURN");
        Assert.Matches($@"(?m)^\s+heap-buffer-overflow\s+Buffers/NativeBuffer\.cs:{overflowLine}\s+BufferTests\.FillWithTerminator_ForSeveralLengths, BufferTests\.FillWithTerminator_WritesOnePastTheEnd\s+3$", run.StdErr);
        Assert.Matches($@"(?m)^\s+pool-double-return\s+Buffers/Scratch\.cs:{doubleReturnLine}\s+BufferTests\.Scratch_DisposedTwice\s+1$", run.StdErr);

        var findings = Directory.GetFiles(Path.Combine(results, "findings"), "finding-*.json");
        Assert.Equal(4, findings.Length);   // 2 bugs, the overflow met by 3 tests
        var sarif = JsonNode.Parse(File.ReadAllText(Path.Combine(results, "sharpsan.sarif")))!;
        Assert.Equal("2.1.0", (string?)sarif["version"]);
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
}
