using System.Text.RegularExpressions;
using SharpSan.EndToEnd.Harness;
using Xunit.Abstractions;

namespace SharpSan.EndToEnd;

/// <summary>
/// `sharpsan run` follows the .NET programs the checked program starts (CliApps/ParentApp starting CliApps/ChildApp):
/// each child runs instrumented, reports with its own pid and exits with `exitcode`; other children run untouched.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class ChildProcessTests(CliFixture fixture, ITestOutputHelper log) : IClassFixture<CliFixture>
{
    ProcessResult RunParent(string mode, string sanitize = "address", params string[] sharpsanArgs) => RunParentWithOptions(mode, null, sanitize, sharpsanArgs);

    ProcessResult RunParentWithOptions(string mode, string? options, string sanitize, params string[] sharpsanArgs) =>
        RunParentWithOptions(mode, options, sanitize, [], sharpsanArgs);

    ProcessResult RunParentWithOptions(string mode, string? options, string sanitize, Dictionary<string, string?> environment, params string[] sharpsanArgs)
    {
        var env = new Dictionary<string, string?>(environment) { ["SHARPSAN_CACHE"] = fixture.Cache };
        if (options is not null) env["SHARPSAN_OPTIONS"] = options;
        string child = mode == "dotnetrun" ? fixture.Project("ChildApp") : fixture.App("ChildApp");
        string[] args = [fixture.Sharpsan, "run", "--sanitize", sanitize, .. sharpsanArgs, "--", fixture.App("ParentApp"), child, mode];
        var result = ChildProcess.RunSeparate(ChildProcess.DotnetHost, args, env, TimeSpan.FromSeconds(180));
        log.WriteLine($"$ dotnet {string.Join(" ", args)}\nexit code {result.ExitCode}, {result.Elapsed.TotalMilliseconds:0} ms\n" +
                      $"--- stdout ---\n{result.Output}--- stderr ---\n{result.Error}--- end ---");
        Assert.False(result.TimedOut, "sharpsan run timed out");
        return result;
    }

    [GeneratedRegex(@"child (\d+) running")]
    private static partial Regex ChildPid();

    [GeneratedRegex(@"parent (\d+):")]
    private static partial Regex ParentPid();

    [Fact]
    public void AChildThatOverflowsIsReportedWithItsOwnPidAndExitCode()
    {
        var r = RunParent("overflow");
        string child = ChildPid().Match(r.Output).Groups[1].Value;
        Assert.Contains($"=={child}==ERROR: AddressSanitizer: heap-buffer-overflow", r.Error);
        Assert.Matches(@"#0 0x[0-9a-f]+ in Program\.Main\(.*\) .*ChildApp\.cs:\d+", r.Error);
        Assert.DoesNotContain("child overflowed unchecked", r.Output);
        Assert.Contains("overflow child exited with 1", r.Output);
        Assert.NotEqual(child, ParentPid().Match(r.Output).Groups[1].Value);
        Assert.Equal(0, r.ExitCode);   // the parent itself is clean
    }

    [Fact]
    public void AShellExecutedDotnetChildIsCheckedToo()
    {
        // On Linux, UseShellExecute=true runs an executable file (here the dotnet host) directly, environment included.
        var r = RunParent("shellexec");
        string child = ChildPid().Match(r.Output).Groups[1].Value;
        Assert.Contains($"=={child}==ERROR: AddressSanitizer: heap-buffer-overflow", r.Error);
        Assert.DoesNotContain("child overflowed unchecked", r.Output);
        Assert.Contains("shellexec child exited with 1", r.Output);
        Assert.Equal(0, r.ExitCode);
    }

    [Theory]
    [InlineData("exec")]      // dotnet exec ChildApp.dll
    [InlineData("apphost")]   // ChildApp, the native launcher `dotnet build` makes
    [InlineData("dotnetrun")] // dotnet run --project ChildApp/: the SDK builds it, then runs it
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void ADotnetExecAppHostOrDotnetRunChildIsCheckedToo(string mode)
    {
        if (mode == "apphost") AppHost.CreateFor(fixture.App("ChildApp"));
        var r = RunParentWithOptions(mode, null, "address", environment: new() { ["DOTNET_ROOT"] = AppHost.DotnetRoot });
        string child = ChildPid().Match(r.Output).Groups[1].Value;
        Assert.Contains($"=={child}==ERROR: AddressSanitizer: heap-buffer-overflow", r.Error);
        Assert.Matches(@"#0 0x[0-9a-f]+ in Program\.Main\(.*\) .*ChildApp\.cs:\d+", r.Error);
        Assert.DoesNotContain("child overflowed unchecked", r.Output);
        Assert.Contains($"{mode} child exited with 1", r.Output);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void AChildOfAChildIsCheckedToo()
    {
        var r = RunParent("chain");
        string grandchild = ChildPid().Match(r.Output).Groups[1].Value;
        Assert.Contains($"=={grandchild}==ERROR: AddressSanitizer: heap-buffer-overflow", r.Error);
        Assert.Contains("overflow child exited with 1", r.Output);   // the middle parent reports its child's exit code
        Assert.Contains("chain child exited with 0", r.Output);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void AChildThatRacesIsReportedUnderThread()
    {
        var r = RunParent("race", sanitize: "thread");
        string child = ChildPid().Match(r.Output).Groups[1].Value;
        Assert.Contains($"WARNING: ThreadSanitizer: data race (pid={child})", r.Error);
        Assert.Matches(@"Program\.Main\(string\[\]\) .*ChildApp\.cs:\d+", r.Error);
        Assert.Contains("race child exited with 66", r.Output);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void ACleanChildRunsCheckedAndSilently()
    {
        var r = RunParent("clean");
        Assert.Contains("child clean", r.Output);
        Assert.Contains("clean child exited with 5", r.Output);
        Assert.DoesNotContain("ERROR:", r.Error);
        Assert.DoesNotContain("warning", r.Error);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void ANonDotnetChildRunsUntouched()
    {
        var r = RunParent("shell");
        Assert.Contains("from the shell", r.Output);
        Assert.Contains("shell child exited with 3", r.Output);
        Assert.DoesNotContain("ERROR:", r.Error);
        Assert.DoesNotContain("warning", r.Error);
    }

    [Fact]
    public void AKilledChildDoesNotHangTheRun()
    {
        var r = RunParent("kill");
        Assert.Contains("running sleep", r.Output);
        Assert.Contains("kill child exited with 137", r.Output);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void TheParentsSuppressionsApplyToItsChildren()
    {
        Directory.CreateDirectory(fixture.Root);
        string file = Path.Combine(fixture.Root, "children.supp");
        File.WriteAllText(file, "heap-buffer-overflow:ChildApp.cs\n");
        var r = RunParentWithOptions("overflow", $"suppressions={file}", "address");
        Assert.DoesNotContain("ERROR:", r.Error);
        Assert.Contains("overflow child exited with 0", r.Output);   // suppressed: the child went on to its end
    }

    [Fact]
    public void TraceChildrenNoLeavesChildrenUnchecked()
    {
        var r = RunParent("overflow", "address", "--trace-children=no");
        Assert.Contains("child overflowed unchecked", r.Output);
        Assert.Contains("overflow child exited with 0", r.Output);
        Assert.DoesNotContain("ERROR:", r.Error);
    }
}
