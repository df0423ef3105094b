using SharpSan.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SharpSan.Integration.Tests;

/// <summary>
/// The real-package gate: real packages restored from the registry, instrumented with --include and driven by workloads
/// of our own (Apps/RealPackages, one mode per package family, each verifying its results). Every case must run to the
/// same output as the plain build, exit 0, instrument the package (N methods &gt; 0) and print no report and no SharpSan
/// warning except what the package's checked-in suppressions file hides (Apps/RealPackages/suppressions/*.supp: each
/// rule says why the race is by design, or names the upstream defect it is) — so any new report fails the gate.
/// The instrumented copy lives in a test-owned folder (<see cref="InstrumentedApp"/>), beside the original build, and the
/// JIT is forced over every method of the instrumented package and app (<see cref="JitProbe"/>): no method may fail to
/// compile in the copy that compiles in the original.
///
/// What the gate found in SharpSan, each fixed with end-to-end cases of its own: struct method calls counted as writes of
/// the whole field (BitFaster's telemetry policy and ConcurrentLfuCore, Pipe's completions, `s_spinLock.Enter()`),
/// struct members not told apart (MpscBoundedBuffer's Head and Tail), a stateless policy struct reported through the
/// union of its interface's implementations, constructor writes published by a plain reference store, invalid IL for
/// ref fields (SpinLockExtensions.Lock), the leak check dying on ZstdSharp's static function-pointer tables, the
/// thread rewriter failing on Sep's [UnsafeAccessor] methods, PLINQ's hand-offs unseen (Sep's ParallelEnumerate).
/// </summary>
public sealed class RealPackageGateTests(ITestOutputHelper output)
{
    static readonly RealPackageCase[] s_cases =
    [
        new("bitfaster", "thread", "BitFaster.Caching.dll", "bitfaster.supp"),
        new("toolkit-address", "address", "CommunityToolkit.HighPerformance.dll", "toolkit.supp"),
        new("toolkit-thread", "thread", "CommunityToolkit.HighPerformance.dll", "toolkit.supp"),
        new("zstd", "address", "ZstdSharp.dll", "zstd.supp"),
        new("lz4", "address", "K4os.Compression.LZ4.dll", "lz4.supp"),
        new("recyclable", "address,thread", "Microsoft.IO.RecyclableMemoryStream.dll", "recyclable.supp"),
        new("recyclable-read-memory", "memory", "Microsoft.IO.RecyclableMemoryStream.dll", "recyclable-memory.supp"),
        new("pipelines", "address,thread", "System.IO.Pipelines.dll", "pipelines.supp"),
        new("messagepack", "address", "MessagePack.dll", "messagepack.supp"),
        // Sep under thread found the rewriter failing on [UnsafeAccessor] methods (extern, no IL) and PLINQ's own
        // synchronisation unseen (its ParallelEnumerate pulls an iterator on pool threads).
        new("sep", "address", "Sep.dll", "sep.supp"),
        new("sep-thread", "thread", "Sep.dll", "sep.supp"),
        new("protobuf", "address", "Google.Protobuf.dll", "protobuf.supp"),
        // MemorySanitizer rows. ZstdSharp's two former reports (HIST_count_parallel_wksp) were SIMD/unaligned copies the
        // shadow did not follow (fixed; case Memory/VectorCopyDefinesNoReport).
        new("zstd-memory", "memory", "ZstdSharp.dll", "memory.supp"),
        new("lz4-memory", "memory", "K4os.Compression.LZ4.dll", "memory.supp"),
        new("recyclable-memory", "memory", "Microsoft.IO.RecyclableMemoryStream.dll", "memory.supp"),
        new("toolkit-memory", "memory", "CommunityToolkit.HighPerformance.dll", "memory.supp"),
        new("protobuf-memory", "memory", "Google.Protobuf.dll", "memory.supp"),
        new("lz4-address-memory", "address,memory", "K4os.Compression.LZ4.dll", "memory.supp"),
        new("recyclable-address-memory", "address,memory", "Microsoft.IO.RecyclableMemoryStream.dll", "memory.supp"),
        new("toolkit-address-memory", "address,memory", "CommunityToolkit.HighPerformance.dll", "memory.supp"),
        new("recyclable-memory-thread", "memory,thread", "Microsoft.IO.RecyclableMemoryStream.dll", "memory.supp"),
        // ClassicUO #1529's shape on the real package: a rented buffer read half full and written whole into a
        // RecyclableMemoryStream. Must report, at the write, with the Rent as origin.
        new("recyclable-stale", "memory", "Microsoft.IO.RecyclableMemoryStream.dll", "memory.supp",
        [
            @"==\d+==WARNING: MemorySanitizer: use-of-uninitialized-value",
            @"#0 0x[0-9a-f]+ in [^\n]*Stream\.Write",
            @"Uninitialized value was created by an array rented from ArrayPool<byte>\.Shared\.Rent\(\d+\)",
            @"SUMMARY: MemorySanitizer: use-of-uninitialized-value [^\n]*RecyclableMemoryWorkload\.cs:\d+",
        ]),
        // System.IO.Hashing's rows of the BCL table (consume): only the bytes read are hashed — clean; a rented buffer read
        // half full hashed whole must report at the hash call, with the Rent as origin.
        new("hashing-memory", "memory", "System.IO.Hashing.dll", "memory.supp"),
        new("hashing-stale", "memory", "System.IO.Hashing.dll", "memory.supp",
        [
            @"==\d+==WARNING: MemorySanitizer: use-of-uninitialized-value",
            @"#0 0x[0-9a-f]+ in [^\n]*XxHash64\.Hash\(byte\[\], long\)",
            @"Uninitialized value was created by an array rented from ArrayPool<byte>\.Shared\.Rent\(\d+\)",
            @"SUMMARY: MemorySanitizer: use-of-uninitialized-value [^\n]*HashingWorkload\.cs:\d+",
        ]),
        // Append(Stream) over a MemoryStream on a rented buffer written half: reported at the Append call.
        new("hashing-stream-stale", "memory", "System.IO.Hashing.dll", "memory.supp",
        [
            @"==\d+==WARNING: MemorySanitizer: use-of-uninitialized-value",
            @"#0 0x[0-9a-f]+ in System\.IO\.Hashing\.NonCryptographicHashAlgorithm\.Append\(Stream\)",
            @"Uninitialized value was created by an array rented from ArrayPool<byte>\.Shared\.Rent\(256\)",
            @"SUMMARY: MemorySanitizer: use-of-uninitialized-value [^\n]*HashingWorkload\.cs:\d+",
        ]),
    ];

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var gate in s_cases) data.Add(gate.Mode);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Package_InstrumentedWorkload_SameOutputAndNoUnsuppressedReport(string mode)
    {
        var gate = s_cases.Single(c => c.Mode == mode);
        Assert.True(File.Exists(gate.SuppressionsPath), $"no suppressions file {gate.SuppressionsPath}");
        await RealPackageGate.OriginalAsync();   // the build is not part of the timings
        var (plain, plainTime) = await RealPackageGate.Timed(() => RealPackageGate.RunPlainAsync(gate));
        Assert.True(plain.ExitCode == 0 && plain.StdOut.StartsWith($"{mode}: ok (", StringComparison.Ordinal), $"the workload itself is broken:\n{plain}");

        var (app, instrumentTime) = await RealPackageGate.Timed(() => RealPackageGate.InstrumentAsync(gate));
        Assert.True(app.Instrumentation.ExitCode == 0, app.Instrumentation.ToString());
        var package = app.Counts(gate.PackageAssembly);
        Assert.True(package is { Methods: > 0, Checks: > 0 }, $"{gate.PackageAssembly} was not instrumented:\n{app.Instrumentation}");
        Assert.True(app.Counts(RealPackageGate.App + ".dll") is { Methods: > 0 }, $"the workload was not instrumented:\n{app.Instrumentation}");
        var jit = await JitProbe.AssertNoNewInvalidPrograms(app.OriginalDirectory, app.InstrumentedDirectory, [gate.PackageAssembly, RealPackageGate.App + ".dll"]);
        output.WriteLine($"JIT probe: {jit}");

        var (run, runTime) = await RealPackageGate.Timed(() => RealPackageGate.RunInstrumentedAsync(app, gate));
        output.WriteLine($"{mode} ({gate.Sanitize}): {gate.PackageAssembly} {package!.Value.Methods} methods, {package.Value.Checks} checks; " +
            $"instrumenting {instrumentTime.TotalSeconds:F1} s; run {plainTime.TotalSeconds:F2} s plain, {runTime.TotalSeconds:F2} s instrumented " +
            $"({runTime / plainTime:F1}x)");

        if (gate.ExpectedReport is { } expected)
        {
            // The first report is the expected one (the stale bytes may be reported again where they travel on).
            var first = System.Text.RegularExpressions.Regex.Match(run.StdErr, @"==\d+==WARNING: (?s:.*?)\nSUMMARY: [^\n]*");
            Assert.True(first.Success, run.ToString());
            foreach (var pattern in expected) Assert.Matches(pattern, first.Value);
            Assert.True(run.ExitCode == 77, run.ToString());
            return;
        }
        Reports.AssertClean(run);
        Assert.False(run.StdErr.Contains("WARNING:", StringComparison.Ordinal), $"SharpSan or a sanitizer warned:\n{run}");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(plain.StdOut, run.StdOut);
    }

    [Fact]
    public async Task Pipelines_TheAppRunsThePackagesCopy_NotTheSharedFrameworks()
    {
        // On .NET 10 the shared framework carries System.IO.Pipelines: the package's DLL only lands in the app folder
        // (where --include can take it) with package pruning off and a package newer than the installed runtime.
        var gate = s_cases.Single(c => c.Mode == "pipelines");
        var plain = await RealPackageGate.RunPlainAsync(gate);

        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains("System.IO.Pipelines from the app folder", plain.StdOut);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(await RealPackageGate.OriginalAsync())!, gate.PackageAssembly)));
    }
}
