using System.Text.Json;
using System.Text.RegularExpressions;

namespace SharpSan.Cli.Native;

/// <summary>
/// LeakSanitizer's native leak report (native_leaks=1) as finding files in the results folder, one per leak block,
/// like the runtime's own findings (results_dir; `sharpsan test`'s findings folder): SARIF and the summary list them.
/// Leaks are found at the process's exit, after every test, so they belong to none: "(outside tests)". The location is
/// the first frame after the allocator that has a source line (the native function that allocated).
/// </summary>
internal static partial class NativeLeakFindings
{
    /// <param name="header">The report's "==pid==ERROR: LeakSanitizer: detected memory leaks" line.</param>
    /// <param name="lines">The report's lines after the header, JIT frames already named.</param>
    public static void Write(string findingsDir, int pid, string header, IReadOnlyList<string> lines)
    {
        Directory.CreateDirectory(findingsDir);
        int sequence = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            var block = BlockHeader().Match(lines[i]);
            if (!block.Success) continue;
            int end = i + 1;
            while (end < lines.Count && FrameLine().IsMatch(lines[end])) end++;
            var frames = lines.Skip(i + 1).Take(end - i - 1).Select(Parse).ToList();
            string report = header + "\n\n" + string.Join("\n", lines.Skip(i).Take(end - i)) + "\n";
            string name = Path.Combine(findingsDir, $"finding-{pid}-lsan{++sequence:d4}.json");
            using (var stream = File.Create(name + ".tmp"))
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                WriteJson(json, pid, block.Value.TrimEnd(':', ' ').Replace(" allocated from", ""), lines[i].Trim(), frames, report);
            File.Move(name + ".tmp", name, overwrite: true);
            i = end - 1;
        }
    }

    static void WriteJson(Utf8JsonWriter json, int pid, string message, string heading, List<Frame> frames, string report)
    {
        json.WriteStartObject();
        json.WriteString("tool", "LeakSanitizer");
        json.WriteString("kind", "leak");
        // The same leak in another process (a child, a second test host) is the same bug.
        json.WriteString("key", "LeakSanitizer:native:" + string.Join("|", frames.Take(4).Select(f => f.Method)));
        json.WriteNumber("pid", pid);
        json.WriteNull("test");
        json.WriteBoolean("duplicate", false);
        json.WriteString("message", message);
        if (frames.Skip(1).FirstOrDefault(f => f.File is not null) is { } location)
        {
            json.WritePropertyName("location");
            WriteFrame(json, location);
        }
        json.WriteStartArray("stacks");
        json.WriteStartObject();
        json.WriteString("heading", heading);
        json.WriteStartArray("frames");
        foreach (var frame in frames) WriteFrame(json, frame);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("report", report);
        json.WriteEndObject();
    }

    sealed record Frame(string Method, string? File, int Line, string Module);

    static void WriteFrame(Utf8JsonWriter json, Frame frame)
    {
        json.WriteStartObject();
        json.WriteString("method", frame.Method);
        if (frame.File is null) json.WriteNull("file"); else json.WriteString("file", frame.File);
        json.WriteNumber("line", frame.Line);
        json.WriteNumber("ilOffset", 0);
        json.WriteString("module", frame.Module);
        json.WriteEndObject();
    }

    /// <summary>"#1 0x7f… in leak /src/fill.c:4" (with a source line), "#2 0x7f… in name (module+0x…)", "#3 0x7f… (module+0x…)".</summary>
    static Frame Parse(string line)
    {
        if (SourceFrame().Match(line) is { Success: true } s)
            return new Frame(s.Groups["method"].Value, s.Groups["file"].Value, int.Parse(s.Groups["line"].Value), "");
        if (NamedFrame().Match(line) is { Success: true } n)
            return new Frame(n.Groups["method"].Value, null, 0, n.Groups["module"].Value);
        return new Frame(line.Trim(), null, 0, "");
    }

    [GeneratedRegex(@"^(Direct|Indirect) leak of \d+ byte\(s\) in \d+ object\(s\) allocated from:")]
    private static partial Regex BlockHeader();

    [GeneratedRegex(@"^\s+#\d+ ")]
    private static partial Regex FrameLine();

    [GeneratedRegex(@"^\s+#\d+ 0x[0-9a-f]+ in (?<method>.+?) (?<file>/\S+?):(?<line>\d+)(:\d+)?$")]
    private static partial Regex SourceFrame();

    [GeneratedRegex(@"^\s+#\d+ 0x[0-9a-f]+ (in (?<method>.+?) )?\((?<module>[^)+]+)(\+0x[0-9a-f]+)?\)")]
    private static partial Regex NamedFrame();
}
