using System.Text.RegularExpressions;

namespace SharpSan.Cli.Testing;

internal enum TestOutcome { Passed, Failed, Skipped }

/// <summary>
/// Recognises the one-line-per-test results runners print, for the live test counts. VSTest: its console logger at
/// normal verbosity ("  Passed Name [12 ms]"; the adapter's own "[FAIL]" lines are not counted, they would count twice).
/// Microsoft.Testing.Platform apps: the platform's terminal output ("failed Name (12ms)") and xunit.v3's own runner
/// ("    Name [FAIL]", "[SKIP]"; it lists passing tests only in its summary).
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

    [GeneratedRegex(@"\u001b\[[0-9;]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    [GeneratedRegex(@"^\s+(?<outcome>Passed|Failed|Skipped) \S.* \[[^\]]+\]$")]
    private static partial Regex VSTestResult();

    [GeneratedRegex(@"^(?:(?<outcome>passed|failed|skipped) \S.* \([^)]+\)|\s*(?:\[xUnit\.net [^\]]+\])?\s*\S.* \[(?<outcome>PASS|FAIL|SKIP)\])$")]
    private static partial Regex PlatformResult();
}
