using System.Text.Json;
using SharpSan.Runtime.Common.Symbolization;

namespace SharpSan.Runtime.Common.Reporting;

/// <summary>
/// One JSON file per finding in the results folder (option results_dir), written as the finding happens (and
/// renamed into place, so a reader never sees half a file): `sharpsan test` turns them into SARIF and its summary,
/// and a killed test host loses none.
/// </summary>
internal sealed class FindingFiles(string directory, int pid)
{
    int _sequence;

    /// <summary>The results folder's findings directory.</summary>
    public string Folder => directory;

    /// <param name="duplicate">The same bug (same key) was already written; this is another test running into it.</param>
    /// <param name="pendingTest">
    /// Raised on a thread working for this test, which it fails only when it next waits for the thread: until then the
    /// finding is outside tests (a later occurrence charges it to the test if it does).
    /// </param>
    /// <param name="parentTest">The test that started this process (a child's finding, charged when that test waits for it).</param>
    /// <param name="charges">The file of the pending occurrence this one charges to <paramref name="test"/>: the two are one occurrence.</param>
    /// <returns>The file's name, or null when it could not be written.</returns>
    public string? Write(ErrorReport error, ReportBuilder report, string text, string? test, bool duplicate, string? pendingTest = null, string? parentTest = null, string? charges = null) =>
        WriteFile(json => WriteJson(json, error, report, text, test, duplicate, pendingTest, parentTest, charges));

    /// <summary>Another process's finding, charged to a test by this one (see ChildFindings).</summary>
    public void WriteCopy(System.Text.Json.Nodes.JsonObject occurrence) => WriteFile(json => occurrence.WriteTo(json));

    string? WriteFile(Action<Utf8JsonWriter> write)
    {
        try
        {
            Directory.CreateDirectory(directory);
            string name = $"finding-{pid}-{Interlocked.Increment(ref _sequence):d4}.json";
            string temporary = Path.Combine(directory, "." + name + ".tmp");
            using (var stream = File.Create(temporary))
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                write(json);
            File.Move(temporary, Path.Combine(directory, name), overwrite: true);
            return name;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"=={pid}==WARNING: SharpSan: could not write a finding into results_dir {directory}: {e.Message}");
            return null;
        }
    }

    void WriteJson(Utf8JsonWriter json, ErrorReport error, ReportBuilder report, string text, string? test, bool duplicate, string? pendingTest, string? parentTest, string? charges)
    {
        json.WriteStartObject();
        json.WriteString("tool", error.Tool);
        json.WriteString("kind", error.Kind);
        json.WriteString("key", error.Tool + ":" + error.DeduplicationKey);
        json.WriteNumber("pid", pid);
        if (test is null) json.WriteNull("test"); else json.WriteString("test", test);
        if (pendingTest is not null) json.WriteString("pendingTest", pendingTest);
        if (parentTest is not null) json.WriteString("parentTest", parentTest);
        if (charges is not null) json.WriteString("charges", charges);
        json.WriteBoolean("duplicate", duplicate);
        json.WriteString("message", Headline(text));
        if (report.SummaryFrame is { } top)
        {
            json.WritePropertyName("location");
            WriteFrame(json, top);
        }
        json.WriteStartArray("stacks");
        foreach (var stack in report.Stacks)
        {
            json.WriteStartObject();
            json.WriteString("heading", stack.Heading);
            json.WriteStartArray("frames");
            foreach (var frame in stack.Frames) WriteFrame(json, frame);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("report", text);
        json.WriteEndObject();
    }

    static void WriteFrame(Utf8JsonWriter json, SymbolizedFrame frame)
    {
        json.WriteStartObject();
        json.WriteString("method", frame.Method);
        if (frame.File is null) json.WriteNull("file"); else json.WriteString("file", frame.File);
        json.WriteNumber("line", frame.Line);
        json.WriteNumber("ilOffset", frame.IlOffset);
        json.WriteString("module", frame.ModuleName);
        json.WriteEndObject();
    }

    /// <summary>"heap-buffer-overflow on address 0x…" from "==pid==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x…".</summary>
    static string Headline(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            int at = line.IndexOf("ERROR: ", StringComparison.Ordinal);
            if (at < 0) at = line.IndexOf("WARNING: ", StringComparison.Ordinal);
            if (at < 0) continue;
            string rest = line[(line.IndexOf(": ", at, StringComparison.Ordinal) + 2)..];
            int colon = rest.IndexOf(": ", StringComparison.Ordinal);
            return colon >= 0 ? rest[(colon + 2)..] : rest;
        }
        return text.Split('\n').FirstOrDefault(l => l.Length > 0 && !l.StartsWith('=')) ?? "";
    }
}
