using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using SharpSan.Integration.Tests.Infrastructure;

namespace SharpSan.Integration.Tests;

/// <summary>
/// design.md: "Bad input gets a clear error and never damages the user's files". README: malformed, mixed-mode,
/// reference-only or already-instrumented inputs are skipped with a message naming the file and the reason; the
/// rest is still processed.
/// </summary>
public sealed class BadInputTests
{
    const string App = "Basic";

    /// <summary>A folder with the Basic app plus one of each kind of bad input.</summary>
    static async Task<string> BadInputFolder()
    {
        string app = await AppBuilder.BuildAsync(App);
        string folder = TestPaths.NewDirectory("bad-input");
        TestPaths.CopyDirectory(app, folder);

        // (a) a reference assembly from the SDK's targeting pack (metadata only; throwing method bodies).
        string packs = Path.Combine(TestPaths.DotnetRoot, "packs");
        string? systemRuntime = Directory.Exists(packs)
            ? Directory.EnumerateFiles(packs, "System.Runtime.dll", SearchOption.AllDirectories)
                .Where(f => f.Contains($"{Path.DirectorySeparatorChar}ref{Path.DirectorySeparatorChar}"))
                .OrderBy(f => f, StringComparer.Ordinal).LastOrDefault()
            : null;
        Assert.True(systemRuntime is not null, $"no reference System.Runtime.dll under {packs}");
        File.Copy(systemRuntime, Path.Combine(folder, "System.Runtime.dll"));

        // (b) not .NET at all (random bytes; an empty file; a native ELF library named .dll), and a real
        // assembly cut after 2 KB.
        var random = new byte[5000];
        new Random(42).NextBytes(random);
        File.WriteAllBytes(Path.Combine(folder, "Foo.dll"), random);
        File.WriteAllBytes(Path.Combine(folder, "Empty.dll"), []);
        string nativeLibrary = Directory.EnumerateFiles(Path.Combine(TestPaths.DotnetRoot, "host", "fxr"), "libhostfxr.so", SearchOption.AllDirectories).First();
        File.Copy(nativeLibrary, Path.Combine(folder, "NativeLib.dll"));
        File.WriteAllBytes(Path.Combine(folder, "Truncated.dll"), File.ReadAllBytes(Path.Combine(app, "Basic.dll"))[..2048]);

        // (c) an assembly SharpSan already rewrote.
        string once = TestPaths.NewDirectory("instrumented-once", create: false);
        var first = await SharpSanCli.Instrument(Path.Combine(app, "Basic.dll"), once);
        Assert.True(first.ExitCode == 0, first.ToString());
        File.Copy(Path.Combine(once, "Basic.dll"), Path.Combine(folder, "AlreadyInstrumented.dll"));

        // Mixed-mode (C++/CLI) assemblies cannot be compiled here (no MSVC); the nearest stand-in is a real
        // assembly whose COR header does not claim ILONLY, which is exactly what the classifier looks at.
        byte[] image = File.ReadAllBytes(Path.Combine(app, "Basic.dll"));
        int flagsOffset;
        using (var pe = new PEReader(new MemoryStream(image))) flagsOffset = pe.PEHeaders.CorHeaderStartOffset + 16;
        Assert.Equal(1u, BitConverter.ToUInt32(image, flagsOffset) & 1u);
        image[flagsOffset] &= 0xFE;   // clear COMIMAGE_FLAGS_ILONLY
        File.WriteAllBytes(Path.Combine(folder, "MixedMode.dll"), image);
        return folder;
    }

    [Fact]
    public async Task InstrumentFolder_SkipsEachBadInputWithItsReason_InstrumentsTheGoodOne_InputUntouched()
    {
        string input = await BadInputFolder();
        var before = FolderSnapshot.Take(input);
        string output = TestPaths.NewDirectory("bad-input-out", create: false);

        // System.Runtime.dll is a framework name, so it is only considered when asked for explicitly.
        var result = await SharpSanCli.Instrument(input, output, "--include", "System.Runtime.dll");

        Assert.True(result.ExitCode == 0, result.ToString());
        Reports.AssertNoCrash(result);
        Assert.DoesNotContain("error:", result.StdErr);
        Assert.Matches(@"(?m)^\s*instrumented\s+Basic\.dll: \d+ methods", result.StdErr);
        Assert.Matches(@"(?m)^\s*skipped\s+System\.Runtime\.dll: .*reference assembly", result.StdErr);
        Assert.Matches(@"(?m)^\s*skipped\s+Foo\.dll: .*(malformed|not a \.NET)", result.StdErr);
        Assert.Matches(@"(?m)^\s*skipped\s+Empty\.dll: .*(malformed|not a \.NET)", result.StdErr);
        Assert.Matches(@"(?m)^\s*skipped\s+NativeLib\.dll: .*(malformed|not a \.NET)", result.StdErr);
        Assert.Matches(@"(?m)^\s*skipped\s+Truncated\.dll: .*malformed", result.StdErr);
        Assert.Matches(@"(?m)^\s*skipped\s+AlreadyInstrumented\.dll: .*already instrumented", result.StdErr);
        Assert.Matches(@"(?m)^\s*skipped\s+MixedMode\.dll: .*mixed-mode", result.StdErr);

        Assert.Matches(Reports.StampPattern, Reports.AssemblyMetadata(Path.Combine(output, "Basic.dll"), "SharpSan.Instrumented") ?? "(no stamp)");
        FolderSnapshot.AssertUnchanged(before, input);

        // The good assembly really works after all that.
        var run = await SharpSanCli.RunDirect(Path.Combine(output, "Basic.dll"));
        Assert.True(run.ExitCode == 0 && run.StdOut.Contains("basic: sum=100"), run.ToString());
    }

    [Fact]
    public async Task InstrumentTheOutputAgain_IsRefused_AndTheFirstOutputIsUntouched()
    {
        string app = await AppBuilder.BuildAsync(App);
        string once = TestPaths.NewDirectory("once", create: false);
        var first = await SharpSanCli.Instrument(Path.Combine(app, "Basic.dll"), once);
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = FolderSnapshot.Take(once);

        foreach (string input in new[] { once, Path.Combine(once, "Basic.dll") })
        {
            var again = await SharpSanCli.Instrument(input, TestPaths.NewDirectory("twice", create: false));

            // InstrumentCommand: exit code 1 when no assembly could be instrumented.
            Assert.True(again.ExitCode == 1, again.ToString());
            Assert.Matches(@"(?m)^\s*skipped\s+Basic\.dll: .*already instrumented", again.StdErr);
            Assert.DoesNotMatch(@"(?m)^\s*instrumented\s", again.StdErr);
            Reports.AssertNoCrash(again);
        }
        FolderSnapshot.AssertUnchanged(before, once);
    }

    [Fact]
    public async Task Run_MissingAssembly_ClearErrorNonZeroExitNothingWritten()
    {
        string cache = TestPaths.NewDirectory("cache", create: false);
        string missing = Path.Combine(TestPaths.NewDirectory("empty"), "NoSuchApp.dll");

        var result = await SharpSanCli.Run(cache, missing);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("sharpsan: error:", result.StdErr);
        Assert.Contains(missing, result.StdErr);
        Reports.AssertNoCrash(result);
        Assert.False(Directory.Exists(cache), $"the cache was written to:\n{result}");
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(missing)!));
    }

    [Fact]
    public async Task Run_UnknownOptionKey_ClearErrorListingKnownKeys_NothingRunNothingWritten()
    {
        string app = await AppBuilder.BuildAsync(App);
        var before = FolderSnapshot.Take(app);
        string cache = TestPaths.NewDirectory("cache", create: false);

        var result = await SharpSanCli.Run(cache, Path.Combine(app, "Basic.dll"), options: "detect_leaks=0:no_such_option=1");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("sharpsan: error:", result.StdErr);
        Assert.Contains("no_such_option", result.StdErr);
        foreach (var known in new[] { "halt_on_error", "exitcode", "detect_leaks", "quarantine_size_mb" })
            Assert.Contains(known, result.StdErr);
        Reports.AssertNoCrash(result);
        Assert.DoesNotContain("basic:", result.StdOut);   // the app never ran
        Assert.False(Directory.Exists(cache), $"the cache was written to:\n{result}");
        FolderSnapshot.AssertUnchanged(before, app);
    }

    [Fact]
    public async Task Run_OnAFileThatIsNotDotNet_NamesTheFileAndTheReason_NonZeroExit()
    {
        string folder = TestPaths.NewDirectory("not-dotnet");
        var random = new byte[5000];
        new Random(7).NextBytes(random);
        File.WriteAllBytes(Path.Combine(folder, "Foo.dll"), random);
        var before = FolderSnapshot.Take(folder);

        var result = await SharpSanCli.Run(TestPaths.NewDirectory("cache"), Path.Combine(folder, "Foo.dll"));

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Matches(@"Foo\.dll.*(malformed|not a \.NET)", result.StdErr);
        Reports.AssertNoCrash(result);
        FolderSnapshot.AssertUnchanged(before, folder);
    }

    [Fact]
    public async Task InstrumentFolder_AssemblyWithCorruptSignatureBlob_IsSkippedAndTheRestProcessed()
    {
        string app = await AppBuilder.BuildAsync(App);
        string input = TestPaths.NewDirectory("corrupt-input");
        TestPaths.CopyDirectory(app, input);
        // Headers, tables and heaps are intact (System.Reflection.Metadata reads it fine); one member reference's
        // signature names element type 0xB0, which does not exist: what a damaged or hostile file looks like.
        File.WriteAllBytes(Path.Combine(input, "Corrupt.dll"), CorruptFirstMethodReferenceSignature(File.ReadAllBytes(Path.Combine(app, "Basic.dll"))));
        var before = FolderSnapshot.Take(input);
        string output = TestPaths.NewDirectory("corrupt-output", create: false);

        var result = await SharpSanCli.Instrument(input, output);

        Reports.AssertNoCrash(result);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"(?m)^\s*skipped\s+Corrupt\.dll: .*malformed", result.StdErr);
        Assert.Matches(@"(?m)^\s*instrumented\s+Basic\.dll:", result.StdErr);
        Assert.True(File.Exists(Path.Combine(output, "SharpSan.Runtime.dll")), result.ToString());
        FolderSnapshot.AssertUnchanged(before, input);
    }

    [Fact]
    public async Task Instrument_OutputIsTheInputFolderSpelledDifferently_ClearErrorAndInputUntouched()
    {
        string input = TestPaths.NewDirectory("same-folder");
        TestPaths.CopyDirectory(await AppBuilder.BuildAsync(App), input);
        var before = FolderSnapshot.Take(input);
        string link = input + "-link";
        Directory.CreateSymbolicLink(link, input);

        foreach (var (source, output) in new[] { (input + "/", input), (input, link) })
        {
            var result = await SharpSanCli.Instrument(source, output);

            Assert.True(result.ExitCode != 0, result.ToString());
            Assert.Matches(@"sharpsan: error: the output folder (must differ from|\(.*\) must not be inside) the input folder", result.StdErr);
            FolderSnapshot.AssertUnchanged(before, input);
        }
    }

    [Fact]
    public async Task Run_SuppressionsFileMissing_ClearErrorInsteadOfACrash()
    {
        string app = await AppBuilder.BuildAsync(App);
        string missing = Path.Combine(TestPaths.NewDirectory("no-suppressions"), "missing", "sharpsan.supp");

        foreach (var args in new[] { Array.Empty<string>(), ["overflow"] })
        {
            var result = await SharpSanCli.Run(TestPaths.NewDirectory("cache"), Path.Combine(app, "Basic.dll"), args, options: "suppressions=" + missing);

            Reports.AssertNoCrash(result);
            Assert.True(result.ExitCode != 0, $"a suppressions file that cannot be read must not be ignored:\n{result}");
            Assert.Contains(missing, result.StdErr);
            Assert.Matches("(sharpsan: error:|ERROR: AddressSanitizer: failed to read suppressions file)", result.StdErr);
        }
    }

    /// <summary>Sets the return type of the first method reference's signature to the undefined element type 0xB0.</summary>
    static byte[] CorruptFirstMethodReferenceSignature(byte[] image)
    {
        image = (byte[])image.Clone();
        using var pe = new PEReader(new MemoryStream(image));
        var reader = pe.GetMetadataReader();
        int blobHeap = pe.PEHeaders.MetadataStartOffset + reader.GetHeapMetadataOffset(HeapIndex.Blob);
        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            if (member.GetKind() != MemberReferenceKind.Method) continue;
            byte[] signature = reader.GetBlobBytes(member.Signature);
            if (signature.Length < 3 || signature.Length >= 0x80 || signature[1] >= 0x80) continue;   // 1-byte length and count
            int at = blobHeap + MetadataTokens.GetHeapOffset(member.Signature) + 1;                      // after the length byte
            Assert.Equal(signature, image[at..(at + signature.Length)]);
            image[at + 2] = 0xB0;                                                                        // [callconv][count][return type]
            return image;
        }
        throw new InvalidOperationException("no method reference to corrupt");
    }
}
