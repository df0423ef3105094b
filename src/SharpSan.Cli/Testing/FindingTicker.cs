using System.Text.Json.Nodes;

namespace SharpSan.Cli.Testing;

/// <summary>
/// While a test host runs, announces each new bug as its finding file appears ("findings so far"), one plain line per
/// bug (above the status line when the view is live), so a long CI log shows what broke before the run ends.
/// Occurrences of a bug already announced stay quiet. A bug raised on a thread working for a test is held back until
/// that test is failed by it (a later occurrence names the test) or the run ends (then it is outside tests), so the
/// line says what the summary will.
/// </summary>
internal sealed class FindingTicker : IDisposable
{
    readonly string _directory;
    readonly ProgressView _view;
    readonly HashSet<string> _seenFiles = [];
    readonly HashSet<string> _seenBugs = [];
    readonly Dictionary<string, JsonObject> _pending = [];
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
                if (finding is not JsonObject occurrence) continue;
                string key = (string?)finding["key"] ?? file;
                if (_seenBugs.Contains(key)) continue;
                if ((string?)finding["test"] is null && (string?)finding["pendingTest"] is not null)
                {
                    _pending.TryAdd(key, occurrence);
                    continue;
                }
                _pending.Remove(key);
                Announce(key, occurrence);
            }
        }
    }

    void Announce(string key, JsonObject occurrence)
    {
        _seenBugs.Add(key);
        // The same place the summary names: a leak's is its allocation site.
        string where = Findings.PrimaryOf(occurrence) is { } at ? at.File is { } f ? $"{Path.GetFileName(f)}:{at.Line}" : at.Method : "?";
        string test = (string?)occurrence["test"] is { } t ? $" in {t}" : " outside tests";
        _view.Finding($"sharpsan: finding #{_seenBugs.Count}: {(string?)occurrence["kind"]} at {where}{test}");
    }

    /// <summary>The test host has exited: the last findings, and the held-back ones that no test was failed by (outside tests).</summary>
    public void Finish()
    {
        Poll();
        lock (_lock)
        {
            foreach (var (key, occurrence) in _pending) Announce(key, occurrence);
            _pending.Clear();
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        Finish();
    }
}
