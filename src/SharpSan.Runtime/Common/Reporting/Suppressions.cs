using System.Text.RegularExpressions;

namespace SharpSan.Runtime.Common.Reporting;

/// <summary>
/// A sanitizer suppressions file, one rule per line: <c>kind:pattern</c>, where kind is a report kind
/// (heap-buffer-overflow, leak, race, …, or * for any) and pattern is a glob matched against the methods
/// and files named in the report's frames. Lines starting with # are comments.
/// ThreadSanitizer's spellings work too: <c>race:</c> (data races), <c>deadlock:</c> (lock-order inversions) and
/// <c>called_from_lib:Foo.dll</c> (any ThreadSanitizer report with a frame in that assembly). As in TSan, a
/// <c>race:</c> rule also matches the variable the race is on (<c>race:*LruItem*.wasAccessed</c>: the report's
/// "Location is field …" line), which is what names a race found at a call site of code that touches a field.
/// </summary>
/// <remarks>
/// A glob's <c>*</c> matches any run of characters within one part of a frame — the method (whose generic arguments
/// and parameter lists contain spaces: <c>LruItem&lt;K, V&gt;</c>), the file or module — never across parts; a glob
/// must start at the beginning of a name or of a dotted or slashed part of it.
/// </remarks>
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
            var regex = new Regex("(^|[\\s./(<,])" + Regex.Escape(glob).Replace("\\*", ".*").Replace("\\?", "."), RegexOptions.CultureInvariant);
            rules.Add((line[..colon].Trim(), regex));
        }
        return new Suppressions(rules);
    }

    /// <param name="modules">File names of the assemblies the report's frames are in (for <c>called_from_lib:</c>).</param>
    public bool Matches(string kind, string reportText, IReadOnlyCollection<string>? modules = null)
    {
        if (_rules.Count == 0) return false;
        var lines = reportText.Split('\n');
        var frameParts = lines.Where(l => l.TrimStart().StartsWith('#')).SelectMany(FrameParts).ToArray();
        var locations = lines.Where(l => l.TrimStart().StartsWith(LocationPrefix, StringComparison.Ordinal))
            .Select(l => l.TrimStart()[LocationPrefix.Length..]).ToArray();
        foreach (var (ruleKind, pattern) in _rules)
        {
            if (ruleKind == "called_from_lib")
            {
                if (reportText.Contains("ThreadSanitizer", StringComparison.Ordinal) && modules is not null && modules.Any(m => pattern.IsMatch(m))) return true;
                continue;
            }
            if (!KindMatches(ruleKind, kind)) continue;
            if (frameParts.Any(pattern.IsMatch)) return true;
            if (ruleKind == "race" && locations.Any(pattern.IsMatch)) return true;
        }
        return false;
    }

    const string LocationPrefix = "Location is ";

    /// <summary>
    /// The parts of a frame line a glob is matched against: <c>#3 0x001a in Demo.Parser.Fill(byte*, int) /src/Parser.cs:42</c>
    /// gives the method with its parameters and the file (or <c>(Module.dll+0x…)</c>); a line of another shape, whole.
    /// </summary>
    static IEnumerable<string> FrameParts(string line)
    {
        string text = line.Trim();
        int method = text.IndexOf(" in ", StringComparison.Ordinal);
        int location = text.LastIndexOf(' ');
        if (method < 0 || location <= method + 4) return [text];
        return [text[(method + 4)..location], text[(location + 1)..]];
    }

    static bool KindMatches(string rule, string kind) =>
        rule == "*" || rule == kind
        || (rule == "leak" && kind.Contains("leak"))
        || (rule == "race" && kind == "data race")
        || (rule == "deadlock" && kind.StartsWith("lock-order-inversion", StringComparison.Ordinal));
}
