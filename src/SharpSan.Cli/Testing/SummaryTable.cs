namespace SharpSan.Cli.Testing;

/// <summary>The console table printed at the end of `sharpsan test`: kind, location, tests affected, occurrences.</summary>
internal static class SummaryTable
{
    public static void Print(TextWriter output, IReadOnlyList<Finding> findings, string sourceRoot)
    {
        if (findings.Count == 0)
        {
            output.WriteLine("sharpsan: no findings");
            return;
        }
        var rows = findings.Select(f => new[]
        {
            f.Kind,
            f.Primary is { File: not null } p ? $"{Path.GetRelativePath(sourceRoot, p.File)}:{p.Line}" : f.Primary?.Method ?? "?",
            TestsCell(f),
            f.Occurrences.ToString(),
        }).Prepend(["kind", "location", "tests", "count"]).ToList();
        int[] widths = Enumerable.Range(0, 4).Select(c => rows.Max(r => r[c].Length)).ToArray();
        output.WriteLine($"sharpsan: {findings.Count} finding(s)");
        foreach (var row in rows)
            output.WriteLine("  " + string.Join("  ", row.Select((cell, c) => c == 3 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
    }

    /// <summary>
    /// The tests that met the bug; "(outside tests)" when none did, naming the tests whose child processes raised it
    /// after they ended without waiting for them ("child of WorkerTests.Forget, not waited for").
    /// </summary>
    static string TestsCell(Finding f)
    {
        string tests = f.Tests.Count == 0 ? "(outside tests)" : string.Join(", ", f.Tests.Select(ShortName).Take(3)) + (f.Tests.Count > 3 ? $" +{f.Tests.Count - 3}" : "");
        if (f.UnchargedChildOf.Count == 0) return tests;
        return $"{tests}; child of {string.Join(", ", f.UnchargedChildOf.Select(ShortName).Take(3))}{(f.UnchargedChildOf.Count > 3 ? $" +{f.UnchargedChildOf.Count - 3}" : "")}, not waited for";
    }

    /// <summary>"Class.Method" of "Namespace.Class.Method".</summary>
    static string ShortName(string test)
    {
        int last = test.LastIndexOf('.');
        int previous = last > 0 ? test.LastIndexOf('.', last - 1) : -1;
        return previous >= 0 ? test[(previous + 1)..] : test;
    }
}
