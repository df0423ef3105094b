using System.Text.RegularExpressions;

namespace SharpSan.Cli.Testing;

internal enum TestOutcome { Passed, Failed, Skipped }

/// <summary>
/// Recognises the one-line-per-test results runners print, for the live test counts. VSTest: its console logger at
/// normal verbosity ("  Passed Name [12 ms]"; the adapter's own "[FAIL]" lines are not counted, they would count twice).
/// Microsoft.Testing.Platform apps: the platform's terminal output ("failed Name (12ms)") and xunit.v3's own runner
/// ("    Name [FAIL]", "[SKIP]"; it lists passing tests only in its summary, read by <see cref="ParseTotals"/>).
/// </summary>
internal static partial class TestOutcomeLines
{
    public static TestOutcome? Parse(TestRunner runner, string line)
    {
        string text = AnsiEscape().Replace(line, "");
        var match = runner == TestRunner.VSTest ? VSTestResult().Match(text) : PlatformResult().Match(text);
        if (!match.Success) return null;
        string word = match.Groups["outcome"].Value;
        return word.ToLowerInvariant() switch
        {
            "passed" or "pass" => TestOutcome.Passed,
            "failed" or "fail" => TestOutcome.Failed,
            _ => TestOutcome.Skipped,
        };
    }

    /// <summary>
    /// xunit.v3's own runner's summary of an assembly ("Checksums.Tests  Total: 2, Errors: 0, Failed: 1, Skipped: 0,
    /// Not Run: 0, Time: 0.463s"): the final counts, passed ones included.
    /// </summary>
    public static (int Passed, int Failed, int Skipped)? ParseTotals(TestRunner runner, string line)
    {
        if (runner != TestRunner.TestingPlatform) return null;
        var match = XunitTotals().Match(AnsiEscape().Replace(line, ""));
        if (!match.Success) return null;
        int Number(string group) => int.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (Number("total") - Number("failed") - Number("skipped") - Number("notRun"), Number("failed"), Number("skipped"));
    }

    [GeneratedRegex(@"\bTotal: (?<total>\d+), Errors: \d+, Failed: (?<failed>\d+), Skipped: (?<skipped>\d+), Not Run: (?<notRun>\d+)")]
    private static partial Regex XunitTotals();

    [GeneratedRegex(@"\u001b\[[0-9;]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    [GeneratedRegex(@"^\s+(?<outcome>Passed|Failed|Skipped) \S.* \[[^\]]+\]$")]
    private static partial Regex VSTestResult();

    [GeneratedRegex(@"^(?:(?<outcome>passed|failed|skipped) \S.* \([^)]+\)|\s*(?:\[xUnit\.net [^\]]+\])?\s*\S.* \[(?<outcome>PASS|FAIL|SKIP)\])$")]
    private static partial Regex PlatformResult();
}
