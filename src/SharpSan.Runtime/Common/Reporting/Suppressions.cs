using System.Text.RegularExpressions;

namespace SharpSan.Runtime.Common.Reporting;

/// <summary>
/// A sanitizer suppressions file, one rule per line: <c>kind:pattern</c>, where kind is a report kind
/// (heap-buffer-overflow, leak, race, …, or * for any) and pattern is a glob matched against the methods
/// and files named in the report's frames. Lines starting with # are comments.
/// ThreadSanitizer's spellings work too: <c>race:</c> (data races), <c>deadlock:</c> (lock-order inversions) and
/// <c>called_from_lib:Foo.dll</c> (any ThreadSanitizer report with a frame in that assembly).
/// </summary>
public sealed class Suppressions
{
    readonly List<(string Kind, Regex Pattern)> _rules;

    Suppressions(List<(string, Regex)> rules) => _rules = rules;

    public static Suppressions Load(string path)
    {
        var rules = new List<(string, Regex)>();
        if (string.IsNullOrEmpty(path)) return new Suppressions(rules);
        foreach (string raw in File.ReadAllLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int colon = line.IndexOf(':');
            if (colon <= 0) continue;
            string glob = line[(colon + 1)..].Trim();
            var regex = new Regex("(^|[\\s./(])" + Regex.Escape(glob).Replace("\\*", "[^\\s]*").Replace("\\?", "."), RegexOptions.CultureInvariant);
            rules.Add((line[..colon].Trim(), regex));
        }
        return new Suppressions(rules);
    }

    /// <param name="modules">File names of the assemblies the report's frames are in (for <c>called_from_lib:</c>).</param>
    public bool Matches(string kind, string reportText, IReadOnlyCollection<string>? modules = null)
    {
        if (_rules.Count == 0) return false;
        var frames = reportText.Split('\n').Where(l => l.TrimStart().StartsWith('#')).ToArray();
        foreach (var (ruleKind, pattern) in _rules)
        {
            if (ruleKind == "called_from_lib")
            {
                if (reportText.Contains("ThreadSanitizer", StringComparison.Ordinal) && modules is not null && modules.Any(m => pattern.IsMatch(m))) return true;
                continue;
            }
            if (!KindMatches(ruleKind, kind)) continue;
            if (frames.Any(f => pattern.IsMatch(f))) return true;
        }
        return false;
    }

    static bool KindMatches(string rule, string kind) =>
        rule == "*" || rule == kind
        || (rule == "leak" && kind.Contains("leak"))
        || (rule == "race" && kind == "data race")
        || (rule == "deadlock" && kind.StartsWith("lock-order-inversion", StringComparison.Ordinal));
}
