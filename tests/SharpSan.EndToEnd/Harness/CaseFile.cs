using System.Text;
using System.Text.RegularExpressions;

namespace SharpSan.EndToEnd.Harness;

public enum DirectiveKind { Check, CheckNext, CheckNot }

/// <summary>One CHECK, CHECK-NEXT or CHECK-NOT line of a case file.</summary>
public sealed record Directive(DirectiveKind Kind, string Pattern, int Line)
{
    public string Spelling => Kind switch
    {
        DirectiveKind.Check => "CHECK",
        DirectiveKind.CheckNext => "CHECK-NEXT",
        _ => "CHECK-NOT",
    };

    public override string ToString() => $"line {Line}: // {Spelling}: {Pattern}";
}

/// <summary>
/// A lit-style case: one C# program whose comments carry its expectations.
/// <code>
/// // RUN: arg1 "arg 2"        program arguments (optional)
/// // ENV: KEY=VALUE           environment for the run (repeatable)
/// // EXIT: n                  expected exit code (default 1 when a positive CHECK contains "ERROR:", else 0)
/// // OPTIMIZE: true           compile with optimizations (default: Debug)
/// // SANITIZE: thread          the --sanitize list to instrument with (default: address)
/// // XFAIL: reason            a known SharpSan bug: the case must fail (an unexpected pass is an error)
/// // CHECK: / CHECK-NEXT: / CHECK-NOT:   FileCheck expectations on the program's output
/// </code>
/// Directives may stand on their own line or trail code; <c>[[@LINE]]</c> is the line the directive is on.
/// In RUN and ENV values, <c>%t</c> is the case's scratch folder and <c>%S</c> the folder of the case file.
/// </summary>
public sealed class CaseFile
{
    static readonly Regex s_directive = new(
        @"//\s*(?<kind>CHECK-NEXT|CHECK-NOT|CHECK|RUN|ENV|EXIT|OPTIMIZE|SANITIZE|XFAIL|REQUIRES):(?<rest>.*)$",
        RegexOptions.CultureInvariant);

    public required string Path { get; init; }
    /// <summary>Area/Name, the case's id in test listings.</summary>
    public required string Id { get; init; }
    /// <summary>The file name without extension: the compiled assembly's name.</summary>
    public required string Name { get; init; }
    public required string Source { get; init; }
    public IReadOnlyList<string> Arguments { get; init; } = [];
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public int? ExplicitExitCode { get; init; }
    public bool Optimize { get; init; }
    /// <summary>The --sanitize list, normalised ("address", "thread", "address,thread").</summary>
    public string Sanitize { get; init; } = "address";
    public bool IsRaceCase => Sanitize.Contains("thread", StringComparison.Ordinal);
    /// <summary>Runs of the instrumented program; every run must match. Race cases that expect a report run several times, to show the detection does not depend on timing.</summary>
    public int Runs => IsRaceCase && ExpectsReport ? RaceRuns : 1;
    public const int RaceRuns = 3;
    public string? XFail { get; init; }

    /// <summary>A program the case runs (e.g. gcc, to build the C library it calls); without it the case is skipped with a message.</summary>
    public string? Requires { get; init; }
    public IReadOnlyList<Directive> Checks { get; init; } = [];
    /// <summary>Set when the file's directives are malformed: the case then fails (never as an expected failure).</summary>
    public string? LoadError { get; init; }

    /// <summary>True when the case expects a sanitizer report (some positive CHECK names an ERROR: line or a ThreadSanitizer WARNING:).</summary>
    public bool ExpectsReport => Checks.Any(c => c.Kind != DirectiveKind.CheckNot && IsReportLine(c.Pattern));

    /// <summary>A pattern that names a report's first line: ASan's ERROR:, TSan's WARNING: ThreadSanitizer.</summary>
    public static bool IsReportLine(string pattern) =>
        pattern.Contains("ERROR:", StringComparison.Ordinal) || pattern.Contains("WARNING: ThreadSanitizer", StringComparison.Ordinal)
        || pattern.Contains("WARNING: MemorySanitizer", StringComparison.Ordinal);

    /// <summary>Default exit code: 66 for a ThreadSanitizer report only (as TSan), 77 for a MemorySanitizer one (as MSan), 1 for any other report, else 0.</summary>
    public int ExpectedExitCode => ExplicitExitCode ?? (!ExpectsReport ? 0
        : Checks.Any(c => c.Kind != DirectiveKind.CheckNot && c.Pattern.Contains("WARNING: MemorySanitizer", StringComparison.Ordinal)) ? 77
        : Checks.Any(c => c.Kind != DirectiveKind.CheckNot && c.Pattern.Contains("ERROR:", StringComparison.Ordinal)) ? 1 : 66);

    /// <summary>Loads a case; a malformed one comes back with <see cref="LoadError"/> set, so that it shows up as a failing row.</summary>
    public static CaseFile LoadOrReport(string path, string root)
    {
        try
        {
            return Load(path, root);
        }
        catch (FormatException e)
        {
            string full = System.IO.Path.GetFullPath(path);
            return new CaseFile
            {
                Path = full,
                Id = System.IO.Path.ChangeExtension(System.IO.Path.GetRelativePath(root, full), null).Replace('\\', '/'),
                Name = System.IO.Path.GetFileNameWithoutExtension(full),
                Source = "",
                LoadError = e.Message,
            };
        }
    }

    public static CaseFile Load(string path, string root)
    {
        string full = System.IO.Path.GetFullPath(path);
        string source = File.ReadAllText(full, Encoding.UTF8);
        string id = System.IO.Path.ChangeExtension(System.IO.Path.GetRelativePath(root, full), null).Replace('\\', '/');
        var args = new List<string>();
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        var checks = new List<Directive>();
        int? exit = null;
        bool optimize = false;
        string sanitize = "address";
        string? xfail = null;
        string? requires = null;

        var lines = source.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int lineNo = i + 1;
            var m = s_directive.Match(lines[i].TrimEnd('\r'));
            if (!m.Success) continue;
            string rest = m.Groups["rest"].Value.Trim();
            string where = $"{full}:{lineNo}";
            switch (m.Groups["kind"].Value)
            {
                case "RUN":
                    args.AddRange(SplitArguments(rest));
                    break;
                case "ENV":
                    int eq = rest.IndexOf('=');
                    if (eq <= 0) throw new FormatException($"{where}: ENV needs KEY=VALUE, got '{rest}'");
                    env[rest[..eq].Trim()] = rest[(eq + 1)..].Trim();
                    break;
                case "EXIT":
                    exit = int.TryParse(rest, out int code) ? code : throw new FormatException($"{where}: EXIT needs an integer, got '{rest}'");
                    break;
                case "OPTIMIZE":
                    optimize = bool.TryParse(rest, out bool o) ? o : throw new FormatException($"{where}: OPTIMIZE needs true or false, got '{rest}'");
                    break;
                case "SANITIZE":
                    var parts = rest.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length == 0 || parts.Any(p => p is not ("address" or "thread" or "guard" or "memory")))
                        throw new FormatException($"{where}: SANITIZE needs address, thread, both, guard or memory, got '{rest}'");
                    sanitize = string.Join(",", parts.Order(StringComparer.Ordinal));
                    break;
                case "REQUIRES":
                    requires = rest.Length > 0 ? rest : throw new FormatException($"{where}: REQUIRES needs a program name");
                    break;
                case "XFAIL":
                    xfail = rest.Length > 0 ? rest : throw new FormatException($"{where}: XFAIL needs a one-line reason");
                    break;
                default:
                    if (rest.Length == 0) throw new FormatException($"{where}: empty {m.Groups["kind"].Value} pattern");
                    var kind = m.Groups["kind"].Value switch
                    {
                        "CHECK" => DirectiveKind.Check,
                        "CHECK-NEXT" => DirectiveKind.CheckNext,
                        _ => DirectiveKind.CheckNot,
                    };
                    checks.Add(new Directive(kind, rest, lineNo));
                    break;
            }
        }
        if (checks.Count == 0) throw new FormatException($"{full}: a case needs at least one CHECK");
        if (checks[0].Kind == DirectiveKind.CheckNext) throw new FormatException($"{full}:{checks[0].Line}: CHECK-NEXT cannot be the first CHECK");

        return new CaseFile
        {
            Path = full,
            Id = id,
            Name = System.IO.Path.GetFileNameWithoutExtension(full),
            Source = source,
            Arguments = args,
            Environment = env,
            ExplicitExitCode = exit,
            Optimize = optimize,
            Sanitize = sanitize,
            XFail = xfail,
            Requires = requires,
            Checks = checks,
        };
    }

    /// <summary>Splits a RUN line like a shell would for simple cases: whitespace separates, double quotes group.</summary>
    public static IEnumerable<string> SplitArguments(string text)
    {
        var current = new StringBuilder();
        bool quoted = false, any = false;
        foreach (char c in text)
        {
            if (c == '"') { quoted = !quoted; any = true; continue; }
            if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any) yield return current.ToString();
                current.Clear();
                any = false;
                continue;
            }
            current.Append(c);
            any = true;
        }
        if (any) yield return current.ToString();
    }

    public override string ToString() => Id;
}
