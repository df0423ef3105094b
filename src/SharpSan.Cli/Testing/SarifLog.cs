using System.Text.Json;

namespace SharpSan.Cli.Testing;

/// <summary>
/// SARIF 2.1.0 for code-scanning dashboards: one rule per kind, one result per distinct bug at its SUMMARY location,
/// the other stacks (allocation, free, previous access) as related locations, the affected tests as a property.
/// Paths under the source root are written relative to it (uriBaseId %SRCROOT%), as GitHub code scanning expects.
/// </summary>
internal static class SarifLog
{
    public static void Write(string path, IReadOnlyList<Finding> findings, string sourceRoot, string toolVersion)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var rules = findings.Select(f => f.Kind).Distinct().Order(StringComparer.Ordinal).ToList();
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        WriteTool(json, rules, findings, toolVersion);
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject("%SRCROOT%");
        json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(sourceRoot) + Path.DirectorySeparatorChar).AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var finding in findings) WriteResult(json, finding, rules.IndexOf(finding.Kind), sourceRoot);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    static void WriteTool(Utf8JsonWriter json, IReadOnlyList<string> rules, IReadOnlyList<Finding> findings, string version)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "SharpSan");
        json.WriteString("version", version);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            string tool = findings.First(f => f.Kind == rule).Tool;
            json.WriteStartObject();
            json.WriteString("id", rule);
            json.WriteString("name", string.Concat(rule.Split('-').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", $"{tool}: {rule}");
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", "error");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    static void WriteResult(Utf8JsonWriter json, Finding finding, int ruleIndex, string sourceRoot)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Kind);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", "error");
        json.WriteStartObject("message");
        string tests = finding.Tests.Count == 0 ? "outside any test" : $"in {finding.Tests.Count} test(s): {string.Join(", ", finding.Tests.Take(5))}";
        if (finding.UnchargedChildOf.Count > 0) tests += $"; in a child process of {string.Join(", ", finding.UnchargedChildOf.Take(5))}, which did not wait for it";
        json.WriteString("text", $"{finding.Tool}: {finding.Message} ({tests})");
        json.WriteEndObject();
        json.WriteStartArray("locations");
        if (finding.Primary is { } primary) WriteLocation(json, primary, sourceRoot, id: null, message: null);
        json.WriteEndArray();
        json.WriteStartArray("relatedLocations");
        int id = 1;
        foreach (var stack in finding.Stacks.Skip(1))
            if (stack.Frames.FirstOrDefault(f => f.File is not null) is { } frame) WriteLocation(json, frame, sourceRoot, id++, stack.Heading);
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString("sharpsanKey/v1", finding.Key);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tests");
        foreach (var test in finding.Tests) json.WriteStringValue(test);
        json.WriteEndArray();
        json.WriteStartArray("childOfTestsNotWaiting");
        foreach (var test in finding.UnchargedChildOf) json.WriteStringValue(test);
        json.WriteEndArray();
        json.WriteNumber("occurrences", finding.Occurrences);
        json.WriteString("report", finding.Report);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    static void WriteLocation(Utf8JsonWriter json, FindingFrame frame, string sourceRoot, int? id, string? message)
    {
        json.WriteStartObject();
        if (id is int i) json.WriteNumber("id", i);
        if (message is not null)
        {
            json.WriteStartObject("message");
            json.WriteString("text", message.Trim().TrimEnd(':'));   // MSan's origin headings are indented
            json.WriteEndObject();
        }
        if (frame.File is not null)
        {
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            string relative = Path.GetRelativePath(sourceRoot, frame.File);
            bool inside = !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
            json.WriteString("uri", inside ? relative.Replace(Path.DirectorySeparatorChar, '/') : new Uri(frame.File).AbsoluteUri);
            if (inside) json.WriteString("uriBaseId", "%SRCROOT%");
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", Math.Max(1, frame.Line));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("fullyQualifiedName", frame.Method);
        json.WriteString("kind", "function");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
