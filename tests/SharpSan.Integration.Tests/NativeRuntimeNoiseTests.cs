using SharpSan.Integration.Tests.Infrastructure;

namespace SharpSan.Integration.Tests;

/// <summary>
/// The .NET runtime's own native code under the system's AddressSanitizer (Apps/RuntimeNoise: zlib-ng and brotli,
/// OpenSSL through the crypto shim, sockets and TLS, inotify, fork/exec, ICU, the JIT and the GC under stress). The
/// runtime must not be reported for anything the program did not do: with native leak checking on, SharpSan's shipped
/// rules (Native/dotnet-runtime.lsan.supp, Native/dotnet-runtime.asan.supp) keep such a run silent, and the program's
/// output is what it prints without SharpSan.
/// </summary>
public sealed class NativeRuntimeNoiseTests
{
    const string App = "RuntimeNoise";
    static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(8);

    /// <summary>
    /// Every workload, under `--sanitize address --native address` with `native_leaks=1`: no AddressSanitizer or
    /// LeakSanitizer report, and the dotnet-runtime ASan rules file is passed (no rule in it: none was needed). SharpSan's
    /// own shadow-stack blocks come from mmap: from malloc they looked leaked on this long run.
    /// </summary>
    [NativeToolchainFact]
    public async Task EveryWorkload_UnderNativeAddress_IsSilentWithTheSameOutput()
    {
        string app = Path.Combine(await AppBuilder.BuildAsync(App), App + ".dll");
        var plain = await SharpSanCli.RunDirect(app);
        Assert.True(plain.ExitCode == 0 && !plain.StdOut.Contains("BROKEN"), $"the workload itself is broken:\n{plain}");

        var run = await SharpSanCli.Run(TestPaths.NewDirectory("cache"), app, [], ["--native", "address"], options: "native_leaks=1", timeout: s_timeout);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(plain.StdOut, run.StdOut);
        Reports.AssertClean(run);
    }

    /// <summary>
    /// The runtime-heavy workloads under the race checker and ASan in one run, with `native_leaks=1`: without the
    /// shipped libcrypto/libssl rules LeakSanitizer reports ~7,600 OpenSSL blocks owned by .NET's crypto objects
    /// (crypto, tls), whose finalizers do not run at exit.
    /// </summary>
    [NativeToolchainFact]
    public async Task RuntimeWorkloads_UnderThreadAndNativeAddress_AreSilentWithTheSameOutput()
    {
        string app = Path.Combine(await AppBuilder.BuildAsync(App), App + ".dll");
        string[] workloads = ["compression", "crypto", "tls", "files", "process", "threads", "globalization", "exceptions"];
        var plain = await SharpSanCli.RunDirect(app, workloads);

        var run = await SharpSanCli.Run(TestPaths.NewDirectory("cache"), app, workloads, ["--sanitize", "thread", "--native", "address"], options: "native_leaks=1", timeout: s_timeout);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(plain.StdOut, run.StdOut);
        Reports.AssertClean(run);
    }

    /// <summary>
    /// MemorySanitizer beside the system's ASan: every native allocation API (alloc, realloc that grows, HGlobal,
    /// CoTaskMem, aligned) in a loop. Memory mode asked libc for a block's usable size while ASan owned the heap: the
    /// loop crashed (HGlobal) or reported the kept part of a realloc'd block as uninitialised.
    /// </summary>
    [NativeToolchainFact]
    public async Task NativeAllocations_UnderMemoryAndNativeAddress_AreSilentWithTheSameOutput()
    {
        string app = Path.Combine(await AppBuilder.BuildAsync(App), App + ".dll");
        string[] workloads = ["interop"];
        var plain = await SharpSanCli.RunDirect(app, workloads);

        var run = await SharpSanCli.Run(TestPaths.NewDirectory("cache"), app, workloads, ["--sanitize", "memory", "--native", "address"], timeout: s_timeout);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(plain.StdOut, run.StdOut);
        Reports.AssertClean(run);
    }
}
