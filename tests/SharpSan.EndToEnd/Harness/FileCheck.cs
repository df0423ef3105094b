using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SharpSan.EndToEnd.Harness;

/// <summary>
/// The subset of LLVM FileCheck the cases use. Patterns are substrings of one output line; runs of
/// whitespace match any run of blanks; <c>{{re}}</c> is an inline regex; <c>[[@LINE]]</c>,
/// <c>[[@LINE+N]]</c>, <c>[[@LINE-N]]</c> are line numbers of the directive; <c>[[NAME:re]]</c> captures a
/// variable and a later <c>[[NAME]]</c> matches its value; <c>[[@IL(Method: opcode)]]</c> is an instruction's IL offset
/// in the uninstrumented assembly (<see cref="OriginalIl"/>).
/// CHECK matches at or after the end of the previous match; CHECK-NEXT must match on the line right after the
/// previous match; CHECK-NOT must not match between the surrounding positive matches (or anywhere, when
/// there is none).
/// </summary>
public static class FileCheck
{
    static readonly Regex s_token = new(@"\{\{(?<re>.*?)\}\}|\[\[@IL\((?<il>[^)]*)\)\]\]|\[\[(?<sub>@[A-Z]+(?:[+-]\d+)?|[A-Za-z_][A-Za-z0-9_]*(?::.*?)?)\]\]", RegexOptions.CultureInvariant);
    static readonly Regex s_line = new(@"^@LINE(?:(?<sign>[+-])(?<n>\d+))?$", RegexOptions.CultureInvariant);
    static readonly Regex s_variable = new(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::(?<re>.*))?$", RegexOptions.CultureInvariant);
    static readonly TimeSpan s_regexTimeout = TimeSpan.FromSeconds(2);

    readonly record struct Position(int Line, int Column);

    /// <summary>Returns null when every directive holds, else a description of the first one that does not.</summary>
    /// <param name="originalIl">The case's uninstrumented assembly, for <c>[[@IL(...)]]</c>.</param>
    public static string? Match(IReadOnlyList<Directive> directives, string output, OriginalIl? originalIl = null)
    {
        var lines = output.Replace("\r\n", "\n").Split('\n');
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var pendingNots = new List<Directive>();
        var position = new Position(0, 0);
        int lastMatchLine = -1;
        Directive? previous = null;

        foreach (var directive in directives)
        {
            if (directive.Kind == DirectiveKind.CheckNot)
            {
                pendingNots.Add(directive);
                continue;
            }
            var regex = Compile(directive, variables, originalIl);
            Position? found = null;
            int matchEnd = 0;
            Match? match = null;
            if (directive.Kind == DirectiveKind.CheckNext)
            {
                int next = lastMatchLine + 1;
                if (next < lines.Length && (match = regex.Match(lines[next])).Success)
                {
                    found = new Position(next, match.Index);
                    matchEnd = match.Index + match.Length;
                }
                if (found is null)
                {
                    string actual = next < lines.Length ? lines[next] : "<end of output>";
                    return $"{directive}\n  expected on the line after the match of {previous} (output line {lastMatchLine + 1}), which is:\n  {actual}";
                }
            }
            else
            {
                for (int i = position.Line; i < lines.Length && found is null; i++)
                {
                    int from = i == position.Line ? position.Column : 0;
                    if (from > lines[i].Length) continue;
                    match = regex.Match(lines[i], from);
                    if (match.Success)
                    {
                        found = new Position(i, match.Index);
                        matchEnd = match.Index + match.Length;
                    }
                }
                if (found is null)
                {
                    string scan = position.Line < lines.Length ? lines[position.Line] : "<end of output>";
                    return $"{directive}\n  not found in the output after output line {position.Line + 1}" +
                           (previous is null ? "" : $" (the match of {previous})") + $"; scanning started at:\n  {scan}";
                }
            }

            if (CheckNots(pendingNots, lines, position, found.Value, variables, originalIl) is { } notError) return notError;
            pendingNots.Clear();
            foreach (var name in regex.GetGroupNames())
                if (!int.TryParse(name, out _)) variables[name] = match!.Groups[name].Value;
            position = new Position(found.Value.Line, matchEnd);
            lastMatchLine = found.Value.Line;
            previous = directive;
        }
        var end = new Position(lines.Length - 1, lines[^1].Length);
        return CheckNots(pendingNots, lines, position, end, variables, originalIl);
    }

    static string? CheckNots(List<Directive> nots, string[] lines, Position from, Position to, Dictionary<string, string> variables, OriginalIl? originalIl)
    {
        foreach (var not in nots)
        {
            var regex = Compile(not, variables, originalIl);
            for (int i = from.Line; i <= to.Line && i < lines.Length; i++)
            {
                int start = i == from.Line ? Math.Min(from.Column, lines[i].Length) : 0;
                int stop = i == to.Line ? Math.Min(to.Column, lines[i].Length) : lines[i].Length;
                if (stop < start) continue;
                if (regex.Match(lines[i][start..stop]).Success)
                    return $"{not}\n  matched output line {i + 1}:\n  {lines[i]}";
            }
        }
        return null;
    }

    /// <summary>Turns a pattern into a regex, substituting line numbers and already captured variables.</summary>
    public static Regex Compile(Directive directive, IReadOnlyDictionary<string, string> variables, OriginalIl? originalIl = null)
    {
        var re = new StringBuilder();
        string pattern = directive.Pattern.Trim();
        int at = 0;
        foreach (Match token in s_token.Matches(pattern))
        {
            re.Append(Literal(pattern[at..token.Index]));
            at = token.Index + token.Length;
            if (token.Groups["re"].Success)
            {
                re.Append("(?:").Append(token.Groups["re"].Value).Append(')');
                continue;
            }
            if (token.Groups["il"].Success)
            {
                if (originalIl is null) throw new FormatException($"{directive}: [[@IL(...)]] needs the case's compiled assembly");
                re.Append(Regex.Escape(originalIl.Offset(token.Groups["il"].Value)));
                continue;
            }
            string sub = token.Groups["sub"].Value;
            if (s_line.Match(sub) is { Success: true } line)
            {
                int n = line.Groups["n"].Success ? int.Parse(line.Groups["n"].Value, CultureInfo.InvariantCulture) : 0;
                int value = line.Groups["sign"].Value == "-" ? directive.Line - n : directive.Line + n;
                re.Append(value.ToString(CultureInfo.InvariantCulture));
            }
            else if (s_variable.Match(sub) is { Success: true } variable)
            {
                string name = variable.Groups["name"].Value;
                if (variable.Groups["re"].Success)
                    re.Append("(?<").Append(name).Append('>').Append(variable.Groups["re"].Value).Append(')');
                else if (variables.TryGetValue(name, out var value))
                    re.Append(Regex.Escape(value));
                else
                    throw new FormatException($"{directive}: variable [[{name}]] used before it is defined");
            }
            else
            {
                throw new FormatException($"{directive}: cannot understand [[{sub}]]");
            }
        }
        re.Append(Literal(pattern[at..]));
        return new Regex(re.ToString(), RegexOptions.CultureInvariant, s_regexTimeout);
    }

    static string Literal(string text) => Regex.Replace(Regex.Escape(text), @"(\\ |\\t|\s)+", @"[ \t]+");
}
