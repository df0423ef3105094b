using Xunit.Abstractions;

namespace SharpSan.EndToEnd.Harness;

/// <summary>
/// One row per case: its instrumented program, run with SharpSan's internal paths failing (SHARPSAN_TEST_FAULTS), goes
/// on as if unchecked and never sees a SharpSan exception (see <see cref="FaultInjection"/>).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class FaultInjectionTests(ITestOutputHelper log)
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Suite.Cases) data.Add(c.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Faulted(string id)
    {
        var c = Suite.Cases.Single(x => x.Id == id);
        if (!Suite.SelectedCases.Contains(c)) Assert.Fail($"{Suite.FilterVariable} selects other cases");
        var result = FaultInjection.Result(id);
        if (result.Run is { } run)
            log.WriteLine($"{FaultInjection.Variable}={result.Plan}: exit code {run.ExitCode}{(run.TimedOut ? " (timed out)" : "")}, run {run.Elapsed.TotalMilliseconds:0} ms\n" +
                          "--- output ---\n" + run.Output.TrimEnd() + "\n--- end of output ---");
        if (result.Failure() is { } failure) Assert.Fail($"{c.Path}\n{failure}");
    }

    [Fact]
    public void LeakedLines_SeesARuntimeFrameOrTheInjectedException_ButNotAVerboseWarning()
    {
        Assert.Empty(FaultInjection.LeakedLines(
            "==1==WARNING: SharpSan: internal error in AddressChecks.Slow: SharpSan.Runtime.Common.InjectedFaultException: fault injected\n" +
            "   at SharpSan.Runtime.Address.AddressChecks.Slow(Void* p)\n" +
            "hello\n"));
        Assert.Single(FaultInjection.LeakedLines("Unhandled exception. SharpSan.Runtime.Common.InjectedFaultException: fault injected at X\n"));
        Assert.Single(FaultInjection.LeakedLines("==1==WARNING: SharpSan: internal error in X: E: m\nok\n   at SharpSan.Runtime.Races.FastTrack.Read()\n"));
    }
}
