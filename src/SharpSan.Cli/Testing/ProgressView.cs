namespace SharpSan.Cli.Testing;

/// <summary>
/// What sharpsan shows while it builds, instruments and runs tests. Live (a terminal): one status line at the bottom,
/// rewritten in place (the phase; while tests run, the test counts and findings so far), with the runner's output and
/// the finding lines printed above it. Plain (CI logs, redirected output): each phase and finding is a line of its own,
/// the runner's output passes through untouched, no escape codes. The writers and the width are given, so the
/// rendering can be checked without a terminal.
/// </summary>
internal sealed class ProgressView
{
    const string EraseLine = "\r\u001b[K";

    readonly TextWriter _output;
    readonly TextWriter _error;
    readonly Func<int> _width;
    readonly object _gate = new();
    string? _phase;
    TestCounts? _counts;
    int _findings;
    bool _statusShown;

    /// <param name="output">Where the runner's standard output goes.</param>
    /// <param name="error">Where sharpsan's lines, the runner's standard error and the status line go.</param>
    /// <param name="width">The terminal's width: the status line is cut to fit, since a wrapped line cannot be rewritten.</param>
    public ProgressView(TextWriter output, TextWriter error, bool live, Func<int>? width = null)
    {
        _output = output;
        _error = error;
        IsLive = live;
        _width = width ?? (() => 80);
    }

    public bool IsLive { get; }

    /// <summary>A new phase ("building X", "instrumenting Y.dll"): the status line when live, a line of its own when plain.</summary>
    public void Phase(string message)
    {
        lock (_gate)
        {
            if (!IsLive)
            {
                _error.WriteLine($"sharpsan: {message}");
                return;
            }
            _phase = message;
            _counts = null;
            DrawStatus();
        }
    }

    /// <summary>A test run starts: the status shows its counts from now on (live only; plain output has its own summary).</summary>
    public void TestsStarted(string name)
    {
        lock (_gate)
        {
            if (!IsLive) return;
            _phase = $"testing {name}";
            _counts = new TestCounts();
            DrawStatus();
        }
    }

    public void Count(TestOutcome outcome)
    {
        lock (_gate)
        {
            if (_counts is null) return;
            _counts.Add(outcome);
            DrawStatus();
        }
    }

    /// <summary>Final counts a runner printed in its summary, for runners that do not list every test (live only).</summary>
    public void SetCounts(int passed, int failed, int skipped)
    {
        lock (_gate)
        {
            if (_counts is null) return;
            (_counts.Passed, _counts.Failed, _counts.Skipped) = (passed, failed, skipped);
            DrawStatus();
        }
    }

    /// <summary>A new bug's one-line announcement ("sharpsan: finding #1: …"), counted in "findings so far".</summary>
    public void Finding(string line)
    {
        lock (_gate)
        {
            _findings++;
            WriteAbove(_error, line);
        }
    }

    /// <summary>A line of the runner's own output, printed above the status line.</summary>
    public void RunnerLine(string line, bool fromStandardError) => WriteAbove(fromStandardError ? _error : _output, line);

    /// <summary>The phase is over: the status line is erased (live) so what follows starts on a clean line.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _phase = null;
            _counts = null;
            EraseStatus();
        }
    }

    /// <summary>The status line's text, e.g. "sharpsan: testing Buffers.Tests: 3 passed, 1 failed, 0 skipped, 1 finding so far".</summary>
    public string StatusText()
    {
        lock (_gate)
        {
            string text = $"sharpsan: {_phase}";
            if (_counts is { } c) text += $": {c.Passed} passed, {c.Failed} failed, {c.Skipped} skipped, {_findings} finding{(_findings == 1 ? "" : "s")} so far";
            return text;
        }
    }

    void WriteAbove(TextWriter writer, string line)
    {
        lock (_gate)
        {
            EraseStatus();
            writer.WriteLine(line);
            writer.Flush();
            if (_phase is not null) DrawStatus();
        }
    }

    void DrawStatus()
    {
        if (!IsLive || _phase is null) return;
        string text = StatusText();
        int width = Math.Max(_width() - 1, 10);
        if (text.Length > width) text = text[..(width - 1)] + "…";
        _error.Write(EraseLine + text);
        _error.Flush();
        _statusShown = true;
    }

    void EraseStatus()
    {
        if (!_statusShown) return;
        _error.Write(EraseLine);
        _error.Flush();
        _statusShown = false;
    }

    sealed class TestCounts
    {
        public int Passed, Failed, Skipped;

        public void Add(TestOutcome outcome)
        {
            switch (outcome)
            {
                case TestOutcome.Passed: Passed++; break;
                case TestOutcome.Failed: Failed++; break;
                case TestOutcome.Skipped: Skipped++; break;
            }
        }
    }
}
