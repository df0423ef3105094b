using SharpSan.Integration.Tests.Infrastructure;

namespace SharpSan.Integration.Tests;

/// <summary>
/// The whole-process features on a real package with native code (Apps/NativePackage: Microsoft.Data.Sqlite 10.0.5,
/// whose SQLitePCLRaw P/Invokes the bundled e_sqlite3 library, not built with AddressSanitizer): under
/// `--sanitize address --native address`, with the package assemblies instrumented too, a real workload (and the child
/// process it starts) runs to the same output without a report; a caller's bug that e_sqlite3 runs into is found by the
/// system AddressSanitizer's memcpy interceptor, and its report names the package's and the program's managed frames.
/// </summary>
public sealed class NativePackageTests
{
    const string App = "NativePackage";
    static readonly string[] s_checked = ["--sanitize", "address", "--native", "address", "--include", "Microsoft.Data.Sqlite.dll", "--include", "SQLitePCLRaw.*.dll"];
    static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    static int Marker(string marker) =>
        File.ReadAllLines(Path.Combine(TestPaths.AppsDirectory, App, "Program.cs")).Select((l, i) => (l, i)).Single(x => x.l.Contains("// " + marker)).i + 1;

    [NativeToolchainFact]
    public async Task SqliteWorkload_UnderNativeAddress_RunsCleanWithTheSameOutput()
    {
        string app = Path.Combine(await AppBuilder.BuildAsync(App), App + ".dll");
        var plain = await SharpSanCli.RunDirect(app, "workload");
        Assert.True(plain.ExitCode == 0 && plain.StdOut.Contains("child exited with 0"), $"the workload itself is broken:\n{plain}");

        var run = await SharpSanCli.Run(TestPaths.NewDirectory("cache"), app, ["workload"], s_checked, timeout: s_timeout);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(plain.StdOut, run.StdOut);
        Assert.Contains("instrumented 5 assemblies", run.StdErr);   // the package's four and the program
        Reports.AssertClean(run);
    }

    [NativeToolchainFact]
    public async Task SqliteMisuse_TheNativeReportNamesThePackagesAndTheProgramsFrames()
    {
        string app = Path.Combine(await AppBuilder.BuildAsync(App), App + ".dll");

        var run = await SharpSanCli.Run(TestPaths.NewDirectory("cache"), app, ["misuse"], s_checked, timeout: s_timeout);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"==\d+==ERROR: AddressSanitizer: heap-buffer-overflow on address", run.StdErr);
        Assert.Matches(@"READ of size 64 ", run.StdErr);
        Assert.Matches(@"#\d+ 0x[0-9a-f]+ in sqlite3_bind_blob \(.*libe_sqlite3\.so", run.StdErr);
        Assert.Matches(@"#\d+ 0x[0-9a-f]{4} in SQLitePCL\.raw\.sqlite3_bind_blob\(SQLitePCL\.sqlite3_stmt, int, System\.ReadOnlySpan<byte>\) \(SQLitePCLRaw\.core\.dll", run.StdErr);
        Assert.Matches($@"#\d+ 0x[0-9a-f]{{4}} in Program\.BindTooLong\(SQLitePCL\.sqlite3_stmt, byte\*\) .*Program\.cs:{Marker("BUG-BIND-CALL")}", run.StdErr);
        Assert.Matches($@"#\d+ 0x[0-9a-f]{{4}} in Program\.<Main>\$\(string\[\]\) .*Program\.cs:{Marker("BUG-BIND-TOO-LONG")}", run.StdErr);
        Assert.DoesNotContain("doublemapper", run.StdErr.Split("is located")[0]);   // the access stack is complete
        Assert.DoesNotContain("bind returned", run.StdOut);   // ASan ended the program at its report (sharpsan run)
    }
}

/// <summary>
/// SkiaSharp 3.119.0 (libSkiaSharp.so from SkiaSharp.NativeAssets.Linux.NoDependencies): drawing, text, PNG/JPEG/WebP
/// encoding and decoding, resizing — every step in Skia's C++ — runs under `--sanitize address --native address` with
/// SkiaSharp.dll instrumented, to the same output and without a report.
/// </summary>
public sealed class NativeSkiaPackageTests
{
    const string App = "SkiaPackage";

    [NativeToolchainFact]
    public async Task SkiaWorkload_UnderNativeAddress_RunsCleanWithTheSameOutput()
    {
        string app = Path.Combine(await AppBuilder.BuildAsync(App), App + ".dll");
        var plain = await SharpSanCli.RunDirect(app);
        Assert.True(plain.ExitCode == 0 && plain.StdOut.Contains("checksum"), $"the workload itself is broken:\n{plain}");

        var run = await SharpSanCli.Run(TestPaths.NewDirectory("cache"), app, [], ["--sanitize", "address", "--native", "address", "--include", "SkiaSharp.dll"], timeout: TimeSpan.FromMinutes(5));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(plain.StdOut, run.StdOut);
        Reports.AssertInstrumented(run, "SkiaSharp.dll", "SkiaPackage.dll");
        Reports.AssertClean(run);
    }
}
