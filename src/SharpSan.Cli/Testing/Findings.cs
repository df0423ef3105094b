using System.Text.Json.Nodes;

namespace SharpSan.Cli.Testing;

/// <summary>A frame as the runtime wrote it into a finding file.</summary>
internal sealed record FindingFrame(string Method, string? File, int Line, int IlOffset, string Module);

/// <summary>A stack of a finding with the report line that introduced it ("allocated by thread T0 here:").</summary>
internal sealed record FindingStack(string Heading, IReadOnlyList<FindingFrame> Frames);

/// <summary>
/// One distinct bug: its first report, every test that ran into it, and the tests whose child processes raised it
/// without being charged it (<see cref="UnchargedChildOf"/>: the test never waited for the child, which reported after
/// the test ended — outside tests, but the results say which test started it).
/// </summary>
internal sealed record Finding(string Tool, string Kind, string Key, string Message, FindingFrame? Location,
    IReadOnlyList<FindingStack> Stacks, string Report, IReadOnlyList<string> Tests, int Occurrences, IReadOnlyList<string> UnchargedChildOf)
{
    /// <summary>Where to point a reader: the SUMMARY frame, else the first frame with a source file.</summary>
    public FindingFrame? Primary => PrimaryOf(Location, Stacks);

    /// <summary>
    /// The SUMMARY frame when it has a source file, else the first frame that has one (a leak's allocation site: its
    /// report has no SUMMARY frame of its own), else the SUMMARY frame.
    /// </summary>
    public static FindingFrame? PrimaryOf(FindingFrame? location, IReadOnlyList<FindingStack> stacks) =>
        location is { File: not null } ? location : stacks.SelectMany(s => s.Frames).FirstOrDefault(f => f.File is not null) ?? location;
}

/// <summary>Reads the runtime's finding files (one per occurrence, see the results_dir option) and groups them by bug.</summary>
internal static class Findings
{
    public static IReadOnlyList<Finding> Load(string directory)
    {
        if (!Directory.Exists(directory)) return [];
        var files = Directory.EnumerateFiles(directory, "finding-*.json").Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), Occurrence: JsonNode.Parse(File.ReadAllText(f)) as JsonObject))
            .Where(f => f.Occurrence is not null).ToList();
        // A pending occurrence (a worker thread's, a child process's) and the copy that charged it to its test are one
        // occurrence: the copy, which names the test, stands for both.
        var charged = files.Select(f => (string?)f.Occurrence!["charges"]).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var occurrences = files.Where(f => !charged.Contains(f.Name)).Select(f => f.Occurrence!).ToList();
        var findings = new List<Finding>();
        foreach (var group in occurrences.GroupBy(o => (string?)o["key"] ?? ""))
        {
            var first = group.FirstOrDefault(o => o["duplicate"]?.GetValue<bool>() != true) ?? group.First();
            var tests = group.Select(o => (string?)o["test"]).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
            var unchargedChildOf = group.Where(o => (string?)o["test"] is null).Select(o => (string?)o["parentTest"]).OfType<string>()
                .Distinct().Order(StringComparer.Ordinal).ToList();
            findings.Add(new Finding(
                (string?)first["tool"] ?? "", (string?)first["kind"] ?? "", group.Key, (string?)first["message"] ?? "",
                Frame(first["location"]), Stacks(first["stacks"]), (string?)first["report"] ?? "", tests, group.Count(), unchargedChildOf));
        }
        return findings;
    }

    /// <summary><see cref="Finding.Primary"/> of one finding file, as it is written.</summary>
    public static FindingFrame? PrimaryOf(JsonObject occurrence) => Finding.PrimaryOf(Frame(occurrence["location"]), Stacks(occurrence["stacks"]));

    static IReadOnlyList<FindingStack> Stacks(JsonNode? node) =>
        (node as JsonArray ?? []).OfType<JsonObject>()
            .Select(s => new FindingStack((string?)s["heading"] ?? "", (s["frames"] as JsonArray ?? []).Select(Frame).OfType<FindingFrame>().ToList()))
            .ToList();

    static FindingFrame? Frame(JsonNode? node) => node is JsonObject f
        ? new FindingFrame((string?)f["method"] ?? "", (string?)f["file"], (int?)f["line"] ?? 0, (int?)f["ilOffset"] ?? 0, (string?)f["module"] ?? "")
        : null;
}
