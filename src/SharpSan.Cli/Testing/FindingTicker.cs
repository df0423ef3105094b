using System.Text.Json.Nodes;

namespace SharpSan.Cli.Testing;

/// <summary>
/// While a test host runs, announces each new bug as its finding file appears ("findings so far"), one plain line per
/// bug (above the status line when the view is live), so a long CI log shows what broke before the run ends.
/// Occurrences of a bug already announced stay quiet.
/// </summary>
internal sealed class FindingTicker : IDisposable
{
    readonly string _directory;
    readonly ProgressView _view;
    readonly HashSet<string> _seenFiles = [];
    readonly HashSet<string> _seenBugs = [];
    readonly Timer _timer;
    readonly object _lock = new();

    public FindingTicker(string directory, ProgressView view)
    {
        _directory = directory;
        _view = view;
        _timer = new Timer(_ => Poll(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
    }

    public void Poll()
    {
        lock (_lock)
        {
            if (!Directory.Exists(_directory)) return;
            foreach (var file in Directory.EnumerateFiles(_directory, "finding-*.json").Order(StringComparer.Ordinal))
            {
                if (!_seenFiles.Add(file)) continue;
                JsonNode? finding;
                try { finding = JsonNode.Parse(File.ReadAllText(file)); }
                catch (Exception e) when (e is IOException or System.Text.Json.JsonException) { _seenFiles.Remove(file); continue; }
                if (finding is not JsonObject occurrence || !_seenBugs.Add((string?)finding["key"] ?? file)) continue;
                // The same place the summary names: a leak's is its allocation site.
                string where = Findings.PrimaryOf(occurrence) is { } at ? at.File is { } f ? $"{Path.GetFileName(f)}:{at.Line}" : at.Method : "?";
                string test = (string?)finding["test"] is { } t ? $" in {t}" : " outside tests";
                _view.Finding($"sharpsan: finding #{_seenBugs.Count}: {(string?)finding["kind"]} at {where}{test}");
            }
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        Poll();
    }
}
