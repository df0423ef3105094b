using System.Text.RegularExpressions;
using Mono.Cecil;
using Mono.Cecil.Cil;
using SharpSan.Integration.Tests.Infrastructure;

namespace SharpSan.Integration.Tests;

/// <summary>
/// Apps built with an embedded PDB and with no PDB at all: both are instrumented and run; the first reports
/// file:line, the second IL offsets in ASan's `(module+0xoffset)` form. Either way a frame's offset is the one the
/// user's own assembly has (ildasm, ILSpy), not the offset in SharpSan's rewritten copy.
/// </summary>
public sealed class DebugInfoTests
{
    [Fact]
    public async Task EmbeddedPdb_InstrumentsRunsAndReportsFileAndLine()
    {
        const string App = "EmbeddedPdb";
        string app = await AppBuilder.BuildAsync(App);
        Assert.False(File.Exists(Path.Combine(app, App + ".pdb")), "the build should have embedded the PDB");
        string dll = Path.Combine(app, App + ".dll");
        string cache = TestPaths.NewDirectory("cache");
        int bugLine = TestPaths.MarkerLine(App, "BUG-LINE");

        var clean = await SharpSanCli.Run(cache, dll);
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Reports.AssertClean(clean);
        Assert.Contains("embeddedpdb: sum=276", clean.StdOut);

        var result = await SharpSanCli.Run(cache, dll, ["overflow"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        string where = Reports.AssertSingle(result, "heap-buffer-overflow");
        Assert.Matches($@"/EmbeddedPdb/Program\.cs:{bugLine} in EmbeddedPdbApp\.Program\.Fill\(byte\*, int\)$", where);
        Assert.Contains("WRITE of size 1 at 0x", result.StdErr);
        int store = OriginalOffset(dll, "Fill", i => i.OpCode.Code == Code.Stind_I1);
        Assert.Matches($@"^    #0 0x{store:x4} in EmbeddedPdbApp\.Program\.Fill\(byte\*, int\) \S+/EmbeddedPdb/Program\.cs:{bugLine}$", Reports.Frames(result.StdErr, 0)[0]);
        Assert.Matches(@"is located 0 bytes to the right of 24-byte region", result.StdErr);
        Assert.DoesNotContain("+0x", Reports.Body(result.StdErr));
    }

    [Fact]
    public async Task NoPdb_InstrumentsRunsAndReportsIlOffsetsInsteadOfLines()
    {
        const string App = "NoPdb";
        string app = await AppBuilder.BuildAsync(App);
        Assert.False(File.Exists(Path.Combine(app, App + ".pdb")), "the build should not have produced a PDB");
        string dll = Path.Combine(app, App + ".dll");
        string cache = TestPaths.NewDirectory("cache");

        string output = TestPaths.NewDirectory("nopdb-instrumented", create: false);
        var instrument = await SharpSanCli.Instrument(dll, output);
        Assert.True(instrument.ExitCode == 0, instrument.ToString());
        Assert.Matches(@"(?m)^\s*instrumented\s+NoPdb\.dll:", instrument.StdErr);
        Assert.False(File.Exists(Path.Combine(output, App + ".pdb")), "no PDB in, so none out (a stale one would lie)");

        var clean = await SharpSanCli.Run(cache, dll);
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Reports.AssertClean(clean);
        Assert.Contains("nopdb: sum=276", clean.StdOut);

        var result = await SharpSanCli.Run(cache, dll, ["overflow"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        string where = Reports.AssertSingle(result, "heap-buffer-overflow");
        Assert.Matches(@"^\(NoPdb\.dll\+0x[0-9a-f]+\) in NoPdbApp\.Program\.Fill\(byte\*, int\)$", where);
        var frame = Regex.Match(Reports.Frames(result.StdErr, 0)[0], @"^    #0 0x([0-9a-f]+) in NoPdbApp\.Program\.Fill\(byte\*, int\) \(NoPdb\.dll\+0x([0-9a-f]+)\)$");
        Assert.True(frame.Success, result.ToString());
        Assert.Equal(Convert.ToInt32(frame.Groups[1].Value, 16), Convert.ToInt32(frame.Groups[2].Value, 16));   // the same IL offset
        // ...and the offset of the faulting store in the original NoPdb.dll, as is the caller's call.
        int store = OriginalOffset(dll, "Fill", i => i.OpCode.Code == Code.Stind_I1);
        Assert.Equal(store, Convert.ToInt32(frame.Groups[1].Value, 16));
        int call = OriginalOffset(dll, "Main", i => i.OpCode.Code == Code.Call && i.Operand is MethodReference { Name: "Fill" });
        Assert.Contains($"    #1 0x{call:x4} in NoPdbApp.Program.Main(string[]) (NoPdb.dll+0x{call:x4})", Reports.Body(result.StdErr));
        Assert.DoesNotContain(".cs:", Reports.Body(result.StdErr));
    }

    /// <summary>The IL offset of the first instruction matching <paramref name="match"/> in the original assembly.</summary>
    static int OriginalOffset(string assembly, string method, Func<Instruction, bool> match)
    {
        using var module = ModuleDefinition.ReadModule(assembly);
        return module.GetTypes().SelectMany(t => t.Methods).Single(m => m.Name == method).Body.Instructions.First(match).Offset;
    }

    [Fact]
    public async Task StalePdbFromAnotherBuild_WarnsAndFallsBackToIlOffsets_NeverWrongLines()
    {
        string input = TestPaths.NewDirectory("stale-pdb");
        TestPaths.CopyDirectory(await AppBuilder.BuildAsync("Basic"), input);
        // The PDB of a different build of the same project: same file names, different PDB id.
        File.Copy(Path.Combine(await AppBuilder.BuildAsync("Basic", "changed", "-p:DefineConstants=CHANGED"), "Basic.pdb"), Path.Combine(input, "Basic.pdb"), overwrite: true);
        var before = FolderSnapshot.Take(input);
        string output = TestPaths.NewDirectory("stale-pdb-out", create: false);

        var instrument = await SharpSanCli.Instrument(Path.Combine(input, "Basic.dll"), output);

        Assert.True(instrument.ExitCode == 0, instrument.ToString());
        Assert.Matches(@"(?m)^\s*instrumented\s+Basic\.dll: .*symbols unreadable", instrument.StdErr);
        Assert.False(File.Exists(Path.Combine(output, "Basic.pdb")), "the stale PDB must not be shipped beside the rewritten assembly");
        FolderSnapshot.AssertUnchanged(before, input);

        var result = await SharpSanCli.RunDirect(Path.Combine(output, "Basic.dll"), "overflow");
        Assert.True(result.ExitCode == 1, result.ToString());
        string where = Reports.AssertSingle(result, "heap-buffer-overflow");
        Assert.Matches(@"^\(Basic\.dll\+0x[0-9a-f]+\) in BasicApp\.Program\.Sum\(int\*, int\)$", where);
        Assert.DoesNotContain(".cs:", Reports.Body(result.StdErr));
    }
}
