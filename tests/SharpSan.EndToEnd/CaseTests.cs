using SharpSan.EndToEnd.Harness;
using Xunit.Abstractions;

namespace SharpSan.EndToEnd;

/// <summary>One row per case under Cases/: the case's CHECKs and exit code against its instrumented run.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class CaseTests(ITestOutputHelper log)
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Suite.Cases) data.Add(c.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string id)
    {
        var result = Suite.Result(id);
        var c = result.Case;
        string? failure = result.Failure();
        string transcript = Transcript(result);
        log.WriteLine(transcript);

        if (c.Requires is { } tool && !OnPath(tool))
        {
            log.WriteLine($"SKIPPED: {c.Path} needs '{tool}', which is not on PATH");
            return;
        }
        if (result.SetupError is not null && (c.LoadError is not null || result.SetupError.StartsWith("COMPILE ERROR", StringComparison.Ordinal)))
            Assert.Fail($"{c.Path}\n{result.SetupError}");
        if (c.XFail is not null)
        {
            if (failure is null)
                Assert.Fail($"XPASS: {c.Path} is marked XFAIL ({c.XFail}) but passed; remove the XFAIL line.\n{transcript}");
            log.WriteLine($"XFAIL (expected failure: {c.XFail}): {failure}");
            return;
        }
        if (failure is not null)
            Assert.Fail($"{c.Path}\n{failure}\n\n{transcript}");
    }

    static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => d.Length > 0 && File.Exists(Path.Combine(d, tool)));

    static string Transcript(CaseResult r)
    {
        string run = r.Run is null
            ? $"(not run: {r.SetupError})"
            : $"exit code {r.Run.ExitCode}{(r.Run.TimedOut ? " (timed out)" : "")}, run {r.Run.Elapsed.TotalMilliseconds:0} ms\n" +
              "--- output (stdout and stderr, merged in order) ---\n" + r.Run.Output.TrimEnd() + "\n--- end of output ---";
        return $"compile {r.Compile.TotalMilliseconds:0} ms, instrument {r.Instrument.TotalMilliseconds:0} ms, {run}";
    }
}

/// <summary>Facts about the suite as a whole.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SuiteShapeTests
{
    [Fact]
    public void HasEnoughCasesAndAThirdAreNegative()
    {
        var cases = Suite.Cases;
        int negative = cases.Count(c => !c.ExpectsReport);
        Assert.True(cases.Count >= 50, $"only {cases.Count} cases");
        Assert.True(negative * 3 >= cases.Count, $"{negative} of {cases.Count} cases are negative; at least a third must be");
    }

    [Fact]
    public void NegativeCasesProveTheyRanAndRejectReportsEverywhere()
    {
        foreach (var c in Suite.Cases.Where(c => !c.ExpectsReport && c.LoadError is null))
        {
            var checks = c.Checks;
            int first = checks.ToList().FindIndex(d => d.Kind != DirectiveKind.CheckNot);
            int last = checks.ToList().FindLastIndex(d => d.Kind != DirectiveKind.CheckNot);
            Assert.True(first >= 0, $"{c.Id}: a negative case needs a positive CHECK on the program's own output");
            static bool RejectsReports(Directive d) => d.Kind == DirectiveKind.CheckNot && (CaseFile.IsReportLine(d.Pattern) || d.Pattern.Contains("ThreadSanitizer", StringComparison.Ordinal));
            // CHECK-NOT only covers the stretch between its neighbouring matches: one before the program's output
            // and one after it cover the whole run (reports printed at exit, like leaks, come last).
            Assert.True(checks.Take(first).Any(RejectsReports) && checks.Skip(last + 1).Any(RejectsReports),
                $"{c.Id}: a negative case needs `// CHECK-NOT: ERROR:` (race cases: `// CHECK-NOT: ThreadSanitizer`) both before its first and after its last CHECK");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEndCollection
{
    // The cases already use every core; the CLI tests run after (or before) them, not on top of them.
    public const string Name = "end-to-end";
}
