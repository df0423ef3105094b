using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using SharpSan.Integration.Tests.Infrastructure;

namespace SharpSan.Integration.Tests;

/// <summary>
/// `sharpsan instrument` output: instrumented assembly, matching portable PDB, SharpSan.Runtime.dll and a deps.json
/// that lists it, so that a plain `dotnet out/App.dll` runs the checked program without the CLI.
/// </summary>
public sealed class OutputFolderTests
{
    const string App = "Basic";

    static async Task<(string Input, string Output, IReadOnlyDictionary<string, string> Before, ProcessResult Result)> Instrumented()
    {
        string input = await AppBuilder.BuildAsync(App);
        var before = FolderSnapshot.Take(input);
        string output = TestPaths.NewDirectory("basic-instrumented", create: false);
        var result = await SharpSanCli.Instrument(Path.Combine(input, "Basic.dll"), output);
        Assert.True(result.ExitCode == 0, result.ToString());
        return (input, output, before, result);
    }

    [Fact]
    public async Task Instrument_WritesAssemblyPdbRuntimeAndDeps_AndLeavesTheInputAlone()
    {
        var (input, output, before, result) = await Instrumented();

        Assert.Matches(@"(?m)^\s*instrumented\s+Basic\.dll: \d+ methods, [1-9]\d* checks", result.StdErr);
        foreach (var file in new[] { "Basic.dll", "Basic.pdb", "SharpSan.Runtime.dll", "Basic.deps.json", "Basic.runtimeconfig.json" })
            Assert.True(File.Exists(Path.Combine(output, file)), $"{file} missing from {output}: {string.Join(", ", Directory.GetFiles(output).Select(Path.GetFileName))}");
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(input, "Basic.dll")), File.ReadAllBytes(Path.Combine(output, "Basic.dll")));

        // The stamp that makes SharpSan refuse to rewrite the file twice.
        string? stamp = Reports.AssemblyMetadata(Path.Combine(output, "Basic.dll"), "SharpSan.Instrumented");
        Assert.Matches(Reports.StampPattern, stamp ?? "(no stamp)");
        Assert.Null(Reports.AssemblyMetadata(Path.Combine(input, "Basic.dll"), "SharpSan.Instrumented"));

        // The PDB beside it belongs to the rewritten image (CodeView id == PDB id), not the original's copy.
        using (var pe = new PEReader(File.OpenRead(Path.Combine(output, "Basic.dll"))))
        using (var pdb = MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(Path.Combine(output, "Basic.pdb"))))
        {
            var codeView = pe.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.CodeView);
            var guid = pe.ReadCodeViewDebugDirectoryData(codeView).Guid;
            var pdbId = pdb.GetMetadataReader().DebugMetadataHeader!.Id;
            Assert.Equal(guid.ToByteArray(), pdbId.Take(16).ToArray());
        }

        // deps.json lists the runtime, so the host resolves it from the app folder.
        var deps = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "Basic.deps.json")))!.AsObject();
        var target = deps["targets"]!.AsObject().Single().Value!.AsObject();
        var runtimeEntry = target.SingleOrDefault(kv => kv.Key.StartsWith("SharpSan.Runtime/", StringComparison.Ordinal));
        Assert.True(runtimeEntry.Value is not null, $"no SharpSan.Runtime in targets:\n{deps}");
        Assert.NotNull(runtimeEntry.Value!["runtime"]?["SharpSan.Runtime.dll"]);
        Assert.NotNull(deps["libraries"]?[runtimeEntry.Key]);
        // ... and the original deps.json does not.
        Assert.DoesNotContain("SharpSan.Runtime", File.ReadAllText(Path.Combine(input, "Basic.deps.json")));

        FolderSnapshot.AssertUnchanged(before, input);
    }

    [Fact]
    public async Task InstrumentedOutput_RunsDirectlyWithDotnet_AndReports()
    {
        var (input, output, _, _) = await Instrumented();
        int bugLine = TestPaths.MarkerLine(App, "BUG-LINE");
        int allocLine = TestPaths.MarkerLine(App, "ALLOC-LINE");

        var clean = await SharpSanCli.RunDirect(Path.Combine(output, "Basic.dll"));
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Reports.AssertClean(clean);
        Assert.Equal("basic: sum=100", clean.StdOut.Trim());

        var result = await SharpSanCli.RunDirect(Path.Combine(output, "Basic.dll"), "overflow");

        Assert.True(result.ExitCode == 1, result.ToString());
        string where = Reports.AssertSingle(result, "heap-buffer-overflow");
        Assert.Matches($@"/Basic/Program\.cs:{bugLine} in BasicApp\.Program\.Sum\(int\*, int\)$", where);
        Assert.Contains("READ of size 4 at 0x", result.StdErr);
        Assert.Matches(@"is located 0 bytes to the right of 16-byte region", result.StdErr);
        Assert.Matches($@"(?m)^    #1 0x[0-9a-f]+ in BasicApp\.Program\.Main\(string\[\]\) \S+/Basic/Program\.cs:{allocLine}$",
            Reports.Section(result.StdErr, "allocated by thread T0 here:"));
        Assert.DoesNotContain("basic: sum", result.StdOut);

        // Without SharpSan the same bug goes unnoticed: that is the point of the tool.
        var unchecked_ = await SharpSanCli.RunDirect(Path.Combine(input, "Basic.dll"), "overflow");
        Assert.True(unchecked_.ExitCode == 0, unchecked_.ToString());
        Assert.Equal(0, Reports.Count(unchecked_.StdErr));
    }
}
